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
            throw new ExitCodes.UsageException("cannot read config file " + file + ": " + ExitCodes.oneLine(e.getMessage()));
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
        String fromEnv = env.get(ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return file.get(name);
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
