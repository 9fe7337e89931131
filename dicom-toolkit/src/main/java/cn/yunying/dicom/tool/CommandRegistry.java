package cn.yunying.dicom.tool;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The subcommands the CLI knows, by name, in registration order. */
public final class CommandRegistry {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** The built-in commands: dump, json, xml and the network commands echo, send, listen, find, move, get. */
    public static CommandRegistry standard() {
        return new CommandRegistry()
                .register(new DumpCommand())
                .register(new JsonCommand())
                .register(new XmlCommand())
                .register(new EchoCommand())
                .register(new SendCommand())
                .register(new ListenCommand())
                .register(new QueryCommand("find"))
                .register(new QueryCommand("move"))
                .register(new QueryCommand("get"));
    }

    public CommandRegistry register(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("command already registered: " + command.name());
        }
        return this;
    }

    public Command find(String name) {
        return commands.get(name);
    }

    public Collection<Command> all() {
        return Collections.unmodifiableCollection(commands.values());
    }
}
