package dev.deft.app;

import dev.deft.cli.Workspace;
import dev.deft.core.SkillBook;
import dev.deft.skill.Skill;
import dev.deft.skill.SkillLibrary;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A recording under way, made into a skill when it stops and saved once the person has looked at its parameters:
 * what the browser and the desktop recordings share.
 */
final class SkillRecording implements Workspace.Recording {
    private final SkillLibrary skills;
    private final Supplier<Skill> stopAndDraft;
    private final Supplier<Boolean> browserClosed;
    private final Runnable close;
    private Skill draft;

    /**
     * @param stopAndDraft stops the recorder and makes the skill from what it saw
     * @param close        stops the recorder and keeps nothing
     */
    SkillRecording(SkillLibrary skills, Supplier<Skill> stopAndDraft, Supplier<Boolean> browserClosed, Runnable close) {
        this.skills = skills;
        this.stopAndDraft = stopAndDraft;
        this.browserClosed = browserClosed;
        this.close = close;
    }

    @Override
    public boolean browserClosed() {
        return browserClosed.get();
    }

    @Override
    public synchronized List<SkillBook.Parameter> stop() {
        if (draft == null) {
            draft = stopAndDraft.get();
        }
        return draft.parameters().stream().map(SkillLibrary::describe).toList();
    }

    @Override
    public synchronized SkillBook.Entry save(Map<String, String> names) {
        stop();
        Map<String, String> stripped = new java.util.LinkedHashMap<>();
        names.forEach((from, to) -> stripped.put(from, to.strip()));
        Skill named = draft.withParametersRenamed(stripped);
        skills.save(named);
        return skills.find(named.name()).orElseThrow();
    }

    @Override
    public void close() {
        close.run();
    }
}
