package dev.newsmon.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is the record timestamp, which producers set to publishedAt. A record without a valid timestamp is
 * not dropped (unlike the stock "skip" extractors): it gets the partition time, else the wall clock.
 */
public final class RecordTimeOrNowExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.timestamp() >= 0) {
            return record.timestamp();
        }
        return partitionTime >= 0 ? partitionTime : System.currentTimeMillis();
    }
}
