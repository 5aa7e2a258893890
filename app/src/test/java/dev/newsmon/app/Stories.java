package dev.newsmon.app;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import dev.newsmon.core.json.Json;

/**
 * Distinct test stories (written for these tests): each has its own URL and its own word sequence, so dedup keeps
 * every one, while {@link #copy} gives a syndicated copy that dedup must recognise.
 */
final class Stories {

    private static final String[] WORDS_AR = ("الميناء السفن الشحن الوفد المجلس البلدي الحكومة الوزارة المحلية الطريق "
            + "الساحلي الوقود الأسعار السوق المدينة الاجتماع المسؤولون أعلن قال أكد مصدر رسمي صباح مساء الثلاثاء "
            + "الأربعاء الخميس الجديد المياه الكهرباء المحطة العمال الإضراب المستشفى المدرسة الامتحانات الرحلات "
            + "الطقس الرياح الصيادين القوارب الجسر الصيانة العقد التوقيع الزيارة البيان المحكمة السجناء حركة "
            + "المرور الميزانية اللجنة").split(" ");

    private final Random random;
    private int next;

    Stories(long seed) {
        this.random = new Random(seed);
    }

    /** An Arabic story with {@code mention} (e.g. "طبرق" or "لطبرق") in its body, as one JSON line. */
    String arabic(String mention, Instant publishedAt) {
        int n = next++;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 45; i++) {
            body.append(WORDS_AR[random.nextInt(WORDS_AR.length)]).append(' ');
            if (i == 14) {
                body.append("في ").append(mention).append(' ');
            }
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "story-" + n);
        a.put("url", "https://cyrenaica-desk.example/news/" + n);
        a.put("source", "Cyrenaica Desk");
        a.put("title", "تقرير " + n + " عن " + WORDS_AR[random.nextInt(WORDS_AR.length)] + " في " + mention);
        a.put("body", body.toString().strip() + ".");
        a.put("lang", "ar");
        a.put("publishedAt", publishedAt.toString());
        return Json.write(a);
    }

    /** The same story re-published elsewhere: another id and URL, the same text. */
    static String copy(String storyJson, String newId) {
        return storyJson.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + newId + "\"")
                .replaceFirst("https://cyrenaica-desk\\.example/", "https://mirror-" + newId + ".example/");
    }
}
