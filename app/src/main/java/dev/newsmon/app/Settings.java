package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where option values come from when the command line does not give them, highest first: an environment variable
 * {@code NEWSMON_<OPTION_NAME>} (e.g. {@code NEWSMON_BOOTSTRAP_SERVERS}), the config file ({@code --config FILE} or
 * {@code NEWSMON_CONFIG}; properties or YAML, keys = option names, e.g. {@code bootstrap-servers}), the built-in
 * default. Kafka client properties: {@code kafka.<property>} keys in the file, {@code NEWSMON_KAFKA_<PROPERTY>}
 * variables (underscores for dots), then {@code -X}.
 */
final class Settings implements IDefaultValueProvider {

    static final String ENV_PREFIX = "NEWSMON_";
    static final String KAFKA_PREFIX = "kafka.";

    /** The data directory's variable; {@code NEWSMON_HOME} is its old name, still read with a warning. */
    static final String DATA_DIR_ENV = ENV_PREFIX + "DATA_DIR";
    static final String OLD_DATA_DIR_ENV = ENV_PREFIX + "HOME";
    /** Variables with a meaning outside the option names: the launcher's, the config file's, the old data dir. */
    private static final java.util.Set<String> OTHER_VARIABLES = java.util.Set.of(ENV_PREFIX + "CONFIG",
            ENV_PREFIX + "JAVA_OPTS", ENV_PREFIX + "JAR", OLD_DATA_DIR_ENV);

    private final Map<String, String> file;
    private final Map<String, String> env;

    Settings(Map<String, String> file, Map<String, String> env) {
        this.file = Map.copyOf(file);
        this.env = Map.copyOf(env);
    }

    /** Settings for these arguments: finds {@code --config} among them (or {@code NEWSMON_CONFIG}). */
    static Settings forArgs(String[] args, Map<String, String> env) {
        String path = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                path = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                path = args[i].substring("--config=".length());
            }
        }
        if (path == null) {
            path = env.get(ENV_PREFIX + "CONFIG");
        }
        return new Settings(path == null ? Map.of() : load(Path.of(path)), env);
    }

    /** A settings file is a few lines; anything bigger is the wrong file, and is not read into memory. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    /** A properties or YAML file as flat keys ({@code a: {b: 1}} → {@code a.b=1}). */
    static Map<String, String> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ExitCodes.UsageException("config file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, String> out = new LinkedHashMap<>();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ExitCodes.UsageException("config file " + file + " is larger than "
                        + (MAX_FILE_BYTES >> 10) + " KiB; is it the right file?");
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                if (root != null && !root.isObject()) {
                    throw new ExitCodes.UsageException("config file " + file + " must be a YAML mapping");
                }
                flatten("", root, out);
            } else {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            }
        } catch (IOException e) {
            throw new ExitCodes.UsageException("cannot read config file " + file + ": "
                    + ExitCodes.oneLine(dev.newsmon.core.json.ParseErrors.describe(e)));
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> items = new java.util.ArrayList<>();
            node.forEach(n -> items.add(n.asText()));
            out.put(prefix, String.join(",", items));
        } else {
            out.put(prefix, node.asText());
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String name = option.longestName().substring(2);
        String fromEnv = env.get(variable(name));
        if ((fromEnv == null || fromEnv.isBlank()) && name.equals("data-dir")) {
            fromEnv = env.get(OLD_DATA_DIR_ENV);
        }
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return file.get(name);
    }

    private static String variable(String optionName) {
        return ENV_PREFIX + optionName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Checks every setting against the options that exist ({@code optionNames}: long names without dashes, of all
     * commands, since one file serves them all). A key in the file that no command knows is an error (exit 2,
     * with the closest option name): a misspelt setting must not be ignored. Unknown {@code NEWSMON_*} variables
     * and the old {@code NEWSMON_HOME} give warnings, returned for the caller to print.
     */
    List<String> check(java.util.Set<String> optionNames) {
        for (String key : file.keySet()) {
            if (!key.startsWith(KAFKA_PREFIX) && !optionNames.contains(key)) {
                String close = Suggestions.closest(key, optionNames);
                throw new ExitCodes.UsageException("unknown setting \"" + key + "\" in the config file"
                        + (close == null ? "" : "; did you mean \"" + close + "\"?")
                        + " (keys are option names such as bootstrap-servers, or kafka.<client property>)");
            }
        }
        List<String> warnings = new java.util.ArrayList<>();
        java.util.Set<String> variables = new java.util.HashSet<>(OTHER_VARIABLES);
        optionNames.forEach(n -> variables.add(variable(n)));
        env.keySet().stream().sorted().forEach(k -> {
            if (k.startsWith(ENV_PREFIX) && !k.startsWith(ENV_PREFIX + "KAFKA_") && !variables.contains(k)) {
                String close = Suggestions.closest(k, variables);
                warnings.add("WARNING: ignoring environment variable " + k + ": no option reads it"
                        + (close == null ? "" : " (did you mean " + close + "?)"));
            }
        });
        String old = env.get(OLD_DATA_DIR_ENV);
        if (old != null && !old.isBlank()) {
            String current = env.get(DATA_DIR_ENV);
            warnings.add("WARNING: " + OLD_DATA_DIR_ENV + " is the old name of " + DATA_DIR_ENV + (current == null
                    || current.isBlank() ? "; using it as the data directory (" + old + "), rename it"
                    : "; " + DATA_DIR_ENV + " is set too and wins, remove " + OLD_DATA_DIR_ENV));
        }
        return warnings;
    }

    /** Kafka client properties from the file and the environment (the command line's -X is applied on top). */
    Map<String, String> kafkaProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        file.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                out.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        String envPrefix = ENV_PREFIX + "KAFKA_";
        env.forEach((k, v) -> {
            if (k.startsWith(envPrefix)) {
                out.put(k.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        return out;
    }
}
