package dev.deft.cli;

import dev.deft.core.DeftException;
import dev.deft.core.Vault;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code deft secrets}: the vault's names, and adding or removing a secret. Values are never printed. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "Keep passwords and card numbers in the vault; requests name them as {{secret:NAME}}.",
        subcommands = {SecretsCommand.Set.class, SecretsCommand.ListNames.class, SecretsCommand.Remove.class})
final class SecretsCommand implements Callable<Integer> {
    private final CliContext context;

    SecretsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.terminal().err().println("deft: say what to do: deft secrets set NAME | list | remove NAME");
        return DeftCli.USAGE;
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Keep a secret under NAME; its value is read without echo, or from standard input.")
    static final class Set implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Letters, digits, '.', '-' and '_'.")
        private String name;

        private final CliContext context;

        Set(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Vault.checkName(name);
            String value = context.terminal().readHidden("Value of " + name + " (not shown): ")
                    .orElseThrow(() -> new DeftException.Configuration("No value was given for the secret " + name + "."));
            try (Workspace workspace = context.opener().open()) {
                workspace.vault().put(name, value);
            }
            context.terminal().out().println("Kept " + name + "; use it as {{secret:" + name + "}}.");
            return DeftCli.DONE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The names of the secrets in the vault.")
    static final class ListNames implements Callable<Integer> {
        private final CliContext context;

        ListNames(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace workspace = context.opener().open()) {
                workspace.vault().names().forEach(context.terminal().out()::println);
            }
            return DeftCli.DONE;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget the secret NAME.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        private String name;

        private final CliContext context;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace workspace = context.opener().open()) {
                if (!workspace.vault().remove(name)) {
                    throw new DeftException.Configuration("There is no secret named " + name + " in the vault.");
                }
            }
            context.terminal().out().println("Removed " + name + ".");
            return DeftCli.DONE;
        }
    }
}
