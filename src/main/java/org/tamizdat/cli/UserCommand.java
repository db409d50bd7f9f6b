package org.tamizdat.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tamizdat.admin.Role;
import org.tamizdat.admin.StaffAccounts;
import org.tamizdat.app.App;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tamizdat user …}: staff accounts from the command line (the first admin). */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage admin accounts.",
    subcommands = {UserCommand.Create.class})
final class UserCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** {@code tamizdat user create --role admin EMAIL}: prints a one-time set-password link. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create a staff account and print its one-time set-password link (valid 48 hours).")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin, editor, author or translator")
    String role;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "Display name (default: the part before @).")
    String name;

    @Parameters(paramLabel = "EMAIL", description = "The person's e-mail address (their login).")
    String email;

    @Override
    public Integer call() {
      Role parsed = Role.parse(role);
      try (App app = new App(config.load(Map.of()), Clock.systemUTC())) {
        StaffAccounts.Created created = app.admin().accounts().create(null, email, name, parsed);
        System.out.println(
            "created " + parsed.dbValue() + " " + email.strip() + "; set the password at:");
        System.out.println(StaffAccounts.setPasswordLink(app.config().baseUrl(), created.token()));
      }
      return 0;
    }
  }
}
