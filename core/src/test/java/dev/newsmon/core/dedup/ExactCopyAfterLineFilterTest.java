package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.extract.RecurringLineFilter;
import dev.newsmon.core.model.DedupMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sequenced stage's path (as in the topology's DedupProcessor): the per-source recurring-line filter cleans the
 * text before deciding. A source that learned a line blanks it in its copy only; the copy is still an exact copy.
 */
class ExactCopyAfterLineFilterTest {

    private static final String AGENCY_LINE = "وكالة الساحل للأنباء";
    private static final String BODY = "أعلنت بلدية غات افتتاح مركز صحي جديد في حي تين تورها يخدم نحو 4 آلاف نسمة.\n\n"
            + "وقال عميد البلدية إن المركز سيعمل على مدار الساعة، وإن طاقمه يضم 12 طبيبا وممرضا.";

    private final RecurringLineFilter filter = new RecurringLineFilter();
    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final DedupEngine engine = new DedupEngine();

    private DedupDecision decide(String source, String id, String text, long time, InMemoryDedupState dedup,
            InMemoryDedupState lines) {
        DedupCandidate candidate = fingerprinter.candidate(id, "https://" + source + "/" + id, ContentHash.of(text),
                text, List.of(), time);
        RecurringLineFilter.Cleaned cleaned = filter.clean(source, text, lines);
        if (cleaned.removedAny()) {
            candidate = fingerprinter.withCleanedText(candidate, cleaned.text(), List.of());
        }
        DedupDecision d = engine.decide(candidate, dedup);
        filter.learn(source, text, d.duplicate() ? d.duplicateOf() : id, time, lines);
        return d;
    }

    @Test
    void anExactCopyIsAContentDuplicateWhenOnlyOneSourceLearnedOneOfItsLines() {
        InMemoryDedupState dedup = new InMemoryDedupState(Long.MAX_VALUE / 4);
        InMemoryDedupState lines = new InMemoryDedupState(Long.MAX_VALUE / 4);
        // Source b ends its own stories with the agency line, so its filter learns it.
        String[] others = {"انطلاق موسم جني التمور في واحات الجفرة وسط توقعات بإنتاج وفير هذا العام.",
            "افتتاح معرض للحرف التقليدية في مدينة غدامس القديمة بمشاركة عشرات الحرفيين.",
            "صيانة شبكة المياه في حي المهدية بسبها بعد انقطاع دام أسبوعا كاملا عن السكان."};
        for (int i = 0; i < others.length; i++) {
            decide("b.example", "b-" + i, others[i] + "\n\n" + AGENCY_LINE, i, dedup, lines);
        }
        String copy = BODY + "\n\n" + AGENCY_LINE;
        assertThat(filter.clean("b.example", copy, lines).removedAny()).as("source b learned the line").isTrue();
        assertThat(filter.clean("a.example", copy, lines).removedAny()).as("source a did not").isFalse();

        DedupDecision first = decide("a.example", "a-1", copy, 10, dedup, lines);
        DedupDecision second = decide("b.example", "b-9", copy, 11, dedup, lines);

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicateOf()).isEqualTo("a-1");
        assertThat(second.method()).isEqualTo(DedupMethod.CONTENT);
    }
}
