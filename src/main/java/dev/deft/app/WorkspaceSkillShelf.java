package dev.deft.app;

import dev.deft.cli.Workspace;
import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.SkillBook;
import dev.deft.ui.SkillShelf;
import java.util.List;
import java.util.Map;

/** The workspace's skills as the window's Skills tab uses them. */
final class WorkspaceSkillShelf implements SkillShelf {
    private final DeftWorkspace workspace;

    WorkspaceSkillShelf(DeftWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public SkillBook book() {
        return workspace.skills();
    }

    @Override
    public RunResult run(String skill, Map<String, String> values, ApprovalGate gate, RunListener listener,
                         RunControl control) {
        StringBuilder request = new StringBuilder("skill ").append(skill);
        java.util.Optional<SkillBook.Entry> entry = book().find(skill);
        values.forEach((name, value) -> request.append(' ').append(name).append('=')
                .append(entry.isPresent() && SkillShelf.isSecret(entry.get(), name) ? SECRET_SHOWN
                        : value.contains(" ") ? "\"" + value + "\"" : value));
        RunSpec spec = RunSpec.of(request.toString());
        return workspace.runSkill(skill, values, spec.toBuilder()
                .planner(RunSpec.PlannerChoice.SKILL).build(), gate, listener, control);
    }

    @Override
    public Recording record(String name, String startUrl) {
        Workspace.Recording recording = workspace.record(name, startUrl, List.of());
        return new Recording() {
            @Override
            public List<SkillBook.Parameter> stop() {
                return recording.stop();
            }

            @Override
            public SkillBook.Entry save(Map<String, String> names) {
                return recording.save(names);
            }

            @Override
            public void close() {
                recording.close();
            }
        };
    }
}
