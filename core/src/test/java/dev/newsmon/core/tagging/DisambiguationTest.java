package dev.newsmon.core.tagging;

import static dev.newsmon.core.tagging.TaggingAssertions.counts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every context rule of the built-in gazetteer with a text where it applies and one where it does not. */
class DisambiguationTest {

    @Nested
    class Wagner {
        @Test
        void composerNamedInFullTakesTheBareNamesThatFollow() {
            Map<String, Integer> c = counts("افتتحت دار الأوبرا موسمها بعمل لريتشارد فاغنر. وكتب فاغنر هذا العمل في شبابه.");
            assertThat(c).containsEntry("richard-wagner", 2).doesNotContainKey("wagner-group");
        }

        @Test
        void composerByMusicalContextAlone() {
            assertThat(counts("عزفت الأوركسترا مقطوعة لفاغنر في الحفل")).containsEntry("richard-wagner", 1)
                    .doesNotContainKey("wagner-group");
            assertThat(counts("The orchestra played Wagner at Bayreuth")).containsEntry("richard-wagner", 1)
                    .doesNotContainKey("wagner-group");
        }

        @Test
        void groupWithMercenaryContext() {
            Map<String, Integer> c = counts("نشرت روسيا مرتزقة فاغنر في ليبيا، وانسحب فاغنر لاحقا من طرابلس");
            assertThat(c).containsEntry("wagner-group", 2).doesNotContainKey("richard-wagner");
        }

        @Test
        void groupNamedInFullTakesTheBareNamesThatFollow() {
            assertThat(counts("قالت مجموعة فاغنر إن فاغنر لن تغادر")).containsEntry("wagner-group", 2);
        }

        @Test
        void bareWagnerWithoutAnyContextCountsForNobody() {
            assertThat(counts("Wagner said on Tuesday that the talks went well.")).isEmpty();
        }

        @Test
        void footballer() {
            Map<String, Integer> c = counts("Sandro Wagner scored twice for Hoffenheim. Wagner later joined Bayern.");
            assertThat(c).containsEntry("sandro-wagner", 2).doesNotContainKey("wagner-group");
            assertThat(counts("سجل المهاجم فاغنر هدفين في البوندسليغا")).containsEntry("sandro-wagner", 1)
                    .doesNotContainKey("wagner-group");
        }

        @Test
        void baseballPlayerAndActor() {
            assertThat(counts("A Honus Wagner card sold for millions; Wagner played shortstop.")).containsEntry("honus-wagner", 2);
            assertThat(counts("Robert Wagner, the Hollywood actor. Wagner was married to Natalie Wood."))
                    .containsEntry("robert-wagner", 2).doesNotContainKey("wagner-group");
        }

        @Test
        void composerWordsRuleOutTheGroupEvenWithARussianMention() {
            assertThat(counts("قدمت فرقة روسية أوبرا لفاغنر")).doesNotContainKey("wagner-group")
                    .containsEntry("richard-wagner", 1);
        }
    }

    @Nested
    class Tripoli {
        @Test
        void lebanonContextMakesItTripoliLebanon() {
            Map<String, Integer> c = counts("اشتباكات في طرابلس بين باب التبانة وجبل محسن، والجيش اللبناني ينتشر");
            assertThat(c).containsEntry("tripoli-lebanon", 1).doesNotContainKey("tripoli");
        }

        @Test
        void libyaContextKeepsTripoliLibya() {
            assertThat(counts("اشتباكات في طرابلس بين مجموعات مسلحة ليبية")).containsEntry("tripoli", 1)
                    .doesNotContainKey("tripoli-lebanon");
        }

        @Test
        void withoutContextTripoliIsLibya() {
            assertThat(counts("اشتباكات في طرابلس ليلة أمس")).containsEntry("tripoli", 1);
        }

        @Test
        void fullNameThenBareName() {
            assertThat(counts("Clashes broke out in Tripoli, Lebanon on Monday. Tripoli has seen such fighting before."))
                    .containsEntry("tripoli-lebanon", 2).doesNotContainKey("tripoli");
        }
    }

    @Nested
    class Sirte {
        @Test
        void verbFollowedByItsSubjectIsNotTheCity() {
            assertThat(counts("سرت شائعات عن استقالة الوزير في ليبيا")).doesNotContainKey("sirte");
            assertThat(counts("وسرت أنباء عن صفقة جديدة في ليبيا")).doesNotContainKey("sirte");
            assertThat(counts("وقد سرت في الأوساط الليبية مخاوف")).doesNotContainKey("sirte");
        }

        @Test
        void cityInALibyaText() {
            assertThat(counts("تقدمت القوات نحو سرت وسط ليبيا")).containsEntry("sirte", 1);
        }

        @Test
        void bareSirteWithoutContextIsNotCounted() {
            assertThat(counts("سرت وحدي في الطريق حتى الفجر")).doesNotContainKey("sirte");
        }

        @Test
        void fullNameIsAlwaysTheCity() {
            assertThat(counts("مدينة سرت")).containsEntry("sirte", 1);
        }
    }

    @Nested
    class HaftarSons {
        @Test
        void sonNamedAloneTakesTheBareSurname() {
            Map<String, Integer> c = counts("التقى صدام حفتر وفدا تركيا، وقال حفتر إن التعاون مستمر");
            assertThat(c).containsEntry("saddam-haftar", 2).doesNotContainKey("khalifa-haftar");
        }

        @Test
        void eachSonIsHisOwnEntity() {
            assertThat(counts("خالد حفتر")).containsOnlyKeys("khaled-haftar");
            assertThat(counts("بلقاسم حفتر")).containsOnlyKeys("belgassem-haftar");
            assertThat(counts("Belqasem Haftar heads the fund")).containsOnlyKeys("belgassem-haftar");
        }

        @Test
        void bareSurnameGoesToTheNearestFullNameBefore() {
            Map<String, Integer> c = counts("استقبل خليفة حفتر نجله صدام حفتر، ثم قال حفتر للصحفيين");
            assertThat(c).containsEntry("khalifa-haftar", 1).containsEntry("saddam-haftar", 2);
        }

        @Test
        void bareSurnameAloneIsTheFieldMarshal() {
            assertThat(counts("قوات حفتر تتقدم")).containsEntry("khalifa-haftar", 1);
        }

        @Test
        void titleMakesTheBareSurnameTheFieldMarshal() {
            assertThat(counts("صدام حفتر والمشير حفتر")).containsEntry("khalifa-haftar", 1).containsEntry("saddam-haftar", 1);
        }
    }

    @Nested
    class OtherRules {
        @Test
        void maliTheCountryAndMaliTheAdjective() {
            assertThat(counts("قدمت الحكومة دعم مالي للمزارعين في باماكو")).doesNotContainKey("mali");
            assertThat(counts("انسحبت القوات من مالي وبوركينا فاسو")).containsEntry("mali", 1);
        }

        @Test
        void alQaedaAndTheAirBase() {
            assertThat(counts("هبطت الطائرة في القاعدة الجوية قرب تنظيم ما")).doesNotContainKey("al-qaeda");
            assertThat(counts("تبنى القاعدة الهجوم الإرهابي")).containsEntry("al-qaeda", 1);
            assertThat(counts("تنظيم القاعدة")).containsEntry("al-qaeda", 1);
        }

        @Test
        void omanAndAmman() {
            assertThat(counts("وصل الوزير إلى عمان قادما من مسقط")).containsEntry("oman", 1).doesNotContainKey("amman");
            assertThat(counts("وصل الوزير إلى عمان والتقى العاهل الأردني")).containsEntry("amman", 1).doesNotContainKey("oman");
            assertThat(counts("وصل الوزير إلى عمان")).doesNotContainKey("amman").doesNotContainKey("oman");
        }

        @Test
        void americaAndLatinAmerica() {
            assertThat(counts("زار أمريكا اللاتينية")).doesNotContainKey("united-states");
            assertThat(counts("exports to Latin America")).doesNotContainKey("united-states");
            assertThat(counts("زار أمريكا")).containsEntry("united-states", 1);
        }

        @Test
        void securityCouncils() {
            assertThat(counts("اجتمع مجلس الأمن القومي")).doesNotContainKey("un-security-council");
            assertThat(counts("Russia's Security Council met")).doesNotContainKey("un-security-council");
            assertThat(counts("دعا مجلس الأمن إلى وقف إطلاق النار")).containsEntry("un-security-council", 1);
        }

        @Test
        void morsiAndOtherMorsis() {
            assertThat(counts("رحل الفنان أحمد مرسي عن عالمنا في القاهرة")).doesNotContainKey("mohamed-morsi");
            assertThat(counts("رست السفينة في مرسى مطروح")).doesNotContainKey("mohamed-morsi").containsEntry("marsa-matruh", 1);
            assertThat(counts("حكم الإخوان حين كان مرسي رئيسا")).containsEntry("mohamed-morsi", 1);
        }

        @Test
        void rsfTheMilitiaAndRsfTheNgo() {
            assertThat(counts("RSF fighters entered El Fasher")).containsEntry("rapid-support-forces", 1);
            assertThat(counts("RSF, Reporters Without Borders, criticised press freedom in Sudan"))
                    .doesNotContainKey("rapid-support-forces");
        }

        @Test
        void moroccoAndTheSunsetPrayer() {
            assertThat(counts("بعد صلاة المغرب")).doesNotContainKey("morocco");
            assertThat(counts("تنظيم القاعدة في بلاد المغرب الإسلامي")).doesNotContainKey("morocco").containsEntry("aqim", 1);
            assertThat(counts("وقع المغرب والجزائر اتفاقا")).containsEntry("morocco", 1);
        }

        @Test
        void gaddafiFatherAndSon() {
            assertThat(counts("أعلن سيف الإسلام القذافي ترشحه، وقال القذافي إن")).containsEntry("saif-al-islam-gaddafi", 2)
                    .doesNotContainKey("muammar-gaddafi");
            assertThat(counts("في عهد القذافي")).containsEntry("muammar-gaddafi", 1);
        }

        @Test
        void washingtonTheCapitalAndTheNewspaper() {
            assertThat(counts("ذكرت صحيفة واشنطن بوست")).doesNotContainKey("washington");
            assertThat(counts("The Washington Post reported")).doesNotContainKey("washington");
            assertThat(counts("وصل الوفد إلى واشنطن")).containsEntry("washington", 1);
        }

        @Test
        void alBaydaTheCityAndTheWord() {
            assertThat(counts("رفع الراية البيضاء")).doesNotContainKey("al-bayda");
            assertThat(counts("عقد مجلس النواب جلسته في البيضاء شرق ليبيا")).containsEntry("al-bayda", 1);
        }

        @Test
        void zawiyaTheCityAndTheCorner() {
            assertThat(counts("من هذه الزاوية ننظر إلى الأمر")).doesNotContainKey("zawiya");
            assertThat(counts("اشتباكات في الزاوية غرب طرابلس في ليبيا")).containsEntry("zawiya", 1);
        }

        @Test
        void sarrajNeedsLibyaAndAFirstNameOtherThanFayez() {
            assertThat(counts("قال السراج في طرابلس إن ليبيا")).containsEntry("fayez-al-sarraj", 1);
            assertThat(counts("قال خالد السراج في ليبيا")).doesNotContainKey("fayez-al-sarraj");
            assertThat(counts("صنع السراج من النحاس")).doesNotContainKey("fayez-al-sarraj");
        }

        @Test
        void ministryAndPolicy() {
            assertThat(counts("أجمع العاملون في السياسة الخارجية الروسية على ذلك")).doesNotContainKey("russian-foreign-ministry");
            assertThat(counts("قالت الخارجية الروسية في بيان")).containsEntry("russian-foreign-ministry", 1);
            assertThat(counts("نشرت روسيا منظومات الدفاع الروسية في سوريا")).doesNotContainKey("russian-ministry-of-defence");
            assertThat(counts("أعلنت الدفاع الروسية")).containsEntry("russian-ministry-of-defence", 1);
            assertThat(counts("تغيرت السياسة الخارجية الأمريكية")).doesNotContainKey("us-state-department");
            assertThat(counts("قالت الخارجية الأمريكية")).containsEntry("us-state-department", 1);
        }

        @Test
        void unityGovernmentOfLibyaAndElsewhere() {
            assertThat(counts("حكومة الوحدة الوطنية في طرابلس بقيادة الدبيبة")).containsEntry("government-of-national-unity", 1);
            assertThat(counts("شكلت حكومة الوحدة الوطنية الفلسطينية")).doesNotContainKey("government-of-national-unity");
        }
    }

    @Test
    void usersWriteTheirOwnRulesInTheSameFormat() throws Exception {
        String yaml = """
                entities:
                  - id: jaguar-car
                    type: ORG
                    en: Jaguar Land Rover
                    names: [Jaguar Land Rover, JLR]
                    ambiguous: [Jaguar]
                    context:
                      cues: [car, cars, vehicle, "electric (car|vehicle)s?"]
                      against: [zoo, rainforest]
                      notFollowedBy: [cub, cubs]
                      otherwise: drop
                """;
        Gazetteer user = Gazetteer.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
        EntityTagger tagger = new EntityTagger(Gazetteer.builtIn().extendedWith(user));
        assertThat(TaggingAssertions.counts(tagger, "", "Jaguar recalls 5,000 cars")).containsEntry("jaguar-car", 1);
        assertThat(TaggingAssertions.counts(tagger, "", "A jaguar escaped from the zoo")).doesNotContainKey("jaguar-car");
        assertThat(TaggingAssertions.counts(tagger, "", "Jaguar cubs and cars")).doesNotContainKey("jaguar-car");
        assertThat(TaggingAssertions.counts(tagger, "", "JLR said")).containsEntry("jaguar-car", 1);
    }
}
