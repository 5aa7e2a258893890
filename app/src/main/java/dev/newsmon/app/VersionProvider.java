package dev.newsmon.app;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"newsmon " + (v == null ? "dev" : v) + " (Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion() + ")"};
    }
}
