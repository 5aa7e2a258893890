package dev.newsmon.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code -V}: the Maven project version (a filtered resource, so it is right in the IDE and in the fat jar). */
final class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "/newsmon-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"newsmon " + version() + " (Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + ", Java " + Runtime.version() + ")"};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.contains("${")) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "unknown (built without Maven)";
    }
}
