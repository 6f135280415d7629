package vn.dvctt.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's systemd unit as the footprint benchmark needs it: the JVM flags of {@code ExecStart} (those
 * before {@code -jar}, without the archive path, which the benchmark sets) and the environment of the
 * {@code Environment} lines. Reading the unit keeps what is measured and what is deployed the same.
 */
record ServiceUnit(List<String> jvmFlags, Map<String, String> environment) {

    static ServiceUnit read(Path unit) throws IOException {
        List<String> flags = null;
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
            if (line.startsWith("ExecStart=")) {
                String[] words = line.substring("ExecStart=".length()).trim().split("\\s+");
                flags = new ArrayList<>();
                for (int i = 1; i < words.length && !words[i].equals("-jar"); i++) { // words[0] is java itself
                    if (!words[i].startsWith("-XX:SharedArchiveFile=")) {
                        flags.add(words[i]);
                    }
                }
            } else if (line.startsWith("Environment=")) {
                environment(line.substring("Environment=".length())).forEach(env::put);
            }
        }
        if (flags == null) {
            throw new IllegalArgumentException(unit + " has no ExecStart line");
        }
        env.remove(AgentConfig.ENV_CONFIG_PATH); // the benchmark passes its own config file
        return new ServiceUnit(List.copyOf(flags), env);
    }

    /** {@code NAME=value NAME2=value2}, as in an Environment line (no quoting needed by ours). */
    static Map<String, String> environment(String assignments) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : assignments.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return env;
    }
}
