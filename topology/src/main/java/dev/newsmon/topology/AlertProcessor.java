package dev.newsmon.topology;

import dev.newsmon.core.model.Alert;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.pipeline.AlertFactory;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/** Passes every output on, and adds one alert for each new article that mentions a tracked entity. */
final class AlertProcessor implements Processor<String, Emitted, String, Emitted> {

    private final TopologyConfig config;
    private final PipelineMetrics metrics = PipelineMetrics.global();
    private ProcessorContext<String, Emitted> context;
    private WatchlistView watchlist;

    AlertProcessor(TopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Emitted> context) {
        this.context = context;
        TimestampedKeyValueStore<String, byte[]> store = context.getStateStore(NewsmonTopology.WATCHLIST_STORE);
        this.watchlist = new WatchlistView(store, config.watchlistRefresh());
    }

    @Override
    public void process(Record<String, Emitted> record) {
        context.forward(record);
        if (record.value().kind() != Emitted.Kind.ARTICLE) {
            return;
        }
        Article article = (Article) record.value().payload();
        Optional<Alert> alert = AlertFactory.alertFor(article, watchlist.watchlist(),
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        alert.ifPresent(a -> {
            a.matches().forEach(m -> metrics.alert(m.entityId()));
            context.forward(record.withKey(a.alertId()).withValue(new Emitted(Emitted.Kind.ALERT, a)));
        });
    }
}
