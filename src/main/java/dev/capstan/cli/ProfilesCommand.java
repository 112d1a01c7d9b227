package dev.capstan.cli;

import dev.capstan.aws.AwsProblem;
import dev.capstan.domain.AwsProfile;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CallerIdentity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "profiles", description = "List the AWS profiles, or test one against STS.")
final class ProfilesCommand {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "Every profile of the AWS config and credentials files, with its kind and region.")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        List<AwsProfile> profiles = root.services().profiles().profiles();
        if (root.output == CapstanCommand.Output.json) {
            Printer.json(out, profiles);
            return 0;
        }
        if (profiles.isEmpty()) {
            out.println("No profiles in " + root.services().profiles().configFile() + " or " + root.services().profiles().credentialsFile());
        }
        for (AwsProfile p : profiles) {
            out.printf("%-28s %-32s %-12s %s%n", p.name(), p.kindDescription(), p.region() == null ? "(no region)" : p.region(),
                    p.endpointUrl() == null ? "" : p.endpointUrl());
        }
        return 0;
    }

    @Command(name = "test", description = "Call STS GetCallerIdentity with a profile and print who it is.")
    int test(@Parameters(paramLabel = "PROFILE") String name,
             @Option(names = "--region", description = "The region to call, when the profile names none.") String region) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AwsProfile profile = root.services().profiles().profile(name).orElse(null);
        if (profile == null) {
            err.println("No profile named '" + name + "' in " + root.services().profiles().configFile() + " or "
                    + root.services().profiles().credentialsFile() + "; `capstan profiles list` shows the ones there are.");
            return 2;
        }
        String useRegion = region != null ? region : profile.region();
        if (useRegion == null) {
            err.println("Profile '" + name + "' has no region; add `region = us-east-1` (or yours) to it, or pass --region.");
            return 2;
        }
        try {
            CallerIdentity who = root.services().identity().callerIdentity(new AwsTarget(name, useRegion, profile.endpointUrl()));
            if (root.output == CapstanCommand.Output.json) {
                Printer.json(out, Map.of("profile", name, "account", who.account(), "arn", who.arn()));
            } else {
                out.println(name + ": " + who.arn() + " (account " + who.account() + ")");
            }
            return 0;
        } catch (AwsProblem e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
