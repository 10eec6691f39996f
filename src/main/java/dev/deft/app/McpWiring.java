package dev.deft.app;

import dev.deft.cli.McpServing;
import dev.deft.cli.Workspace;
import dev.deft.core.ApprovalGate;
import dev.deft.core.RunControl;
import dev.deft.core.RunJournal;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.mcp.DeftMcpServer;
import dev.deft.mcp.Workbench;
import java.io.InputStream;
import java.io.OutputStream;

/** {@code deft mcp} wired: the workspace, its runs, skills and journal, served by the MCP server. */
final class McpWiring implements McpServing {

    @Override
    public void serve(Workspace workspace, ApprovalGate gate, String whoApproves, InputStream in, OutputStream out) {
        new DeftMcpServer(new WorkspaceBench(workspace), gate, whoApproves, BuildVersion.get())
                .serve(in, out);
    }

    /** The workspace as the MCP server sees it. */
    private record WorkspaceBench(Workspace workspace) implements Workbench {
        @Override
        public RunResult run(RunSpec spec, ApprovalGate gate, RunListener listener, RunControl control) {
            return workspace.run(spec, gate, listener, control);
        }

        @Override
        public RunResult runSkill(String name, java.util.Map<String, String> values, RunSpec spec, ApprovalGate gate,
                                  RunListener listener, RunControl control) {
            return workspace.runSkill(name, values, spec, gate, listener, control);
        }

        @Override
        public dev.deft.core.SkillBook skills() {
            return workspace.skills();
        }

        @Override
        public RunJournal journal() {
            return workspace.journal();
        }

        @Override
        public boolean canShowWindows() {
            return workspace.canShowWindows();
        }
    }
}
