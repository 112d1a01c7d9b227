package dev.capstan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.OperationTypes;
import dev.capstan.ops.Parameter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code capstan runbook operations}: what an operation step may name, and with which words, as the declarations give them. */
@Command(name = "operations", description = "The operations a runbook step can call, with the words each takes under with:.")
final class RunbookOperations implements Callable<Integer> {
    @ParentCommand
    RunbookCommand runbook;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OperationTypes types = runbook.root.services().operations().runner().types();
        if (runbook.root.output == CapstanCommand.Output.json) {
            out.println(json(types));
            return 0;
        }
        for (OperationType<?> type : types.all()) {
            if (!type.startsFromWords()) {
                continue;
            }
            out.printf("%s  %s%n", type.name(), type.summary());
            for (Parameter p : type.parameters()) {
                String shown = p.required() ? "(required)" : p.defaultValue() == null ? "(optional)" : "(default " + p.defaultValue() + ")";
                out.printf("    %-20s %-18s %s%n", p.name(), shown, p.help());
            }
        }
        return 0;
    }

    private static String json(OperationTypes types) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        for (OperationType<?> type : types.all()) {
            if (!type.startsFromWords()) {
                continue;
            }
            ObjectNode one = all.addObject().put("operation", type.name()).put("summary", type.summary())
                    .put("takesDeployLock", type.takesDeployLock());
            ArrayNode words = one.putArray("words");
            type.parameters().forEach(p -> words.addObject().put("name", p.name()).put("help", p.help()).put("required", p.required())
                    .put("default", p.defaultValue()));
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(all);
    }
}
