/* Unit tests of the reasons (filter/cli/reasons.c): a segment's reason,
   counting, the report's JSON and the summary's top list. */
#include "reasons.h"
#include "tap.h"
#include <string.h>

static void test_segment_reason(void)
{
    char why[64];
    mtc_segment_info info = {.label = "boilerplate", .rule = "cookie-banner"};
    ok(reason_of_segment(&info, why, sizeof why), "a rule's segment has a reason");
    is_str(why, "boilerplate:cookie-banner", "  LABEL:RULE");
    info = (mtc_segment_info){.label = "mixed"};
    ok(reason_of_segment(&info, why, sizeof why), "a segment labelled by the scores has one");
    is_str(why, "mixed:model", "  LABEL:model");
    info = (mtc_segment_info){.label = "clean"};
    ok(!reason_of_segment(&info, why, sizeof why), "a clean segment no rule touched has none");
    info = (mtc_segment_info){.label = "clean", .rule = "fix-apostrophe"};
    ok(reason_of_segment(&info, why, sizeof why), "a clean segment a rule rewrote has one");
    is_str(why, "clean:fix-apostrophe", "  clean:RULE");
}

static void test_counts(void)
{
    reasons r = {0}, total = {0};
    reasons_add(&r, "mixed:model", 11, 1);
    reasons_add(&r, "boilerplate:menu", 16, 2);
    reasons_add(&r, "mixed:model", 11, 2);
    buf json = {0};
    reasons_append_json(&r, &json);
    buf_append_char(&json, '\0');
    is_str(json.data, "{\"mixed:model\":3,\"boilerplate:menu\":2}", "JSON: counts, in the order first seen");
    reasons_add(&total, "a:tie", 5, 2);
    reasons_merge(&total, &r);
    buf top = {0};
    reasons_append_top(&total, &top, 2);
    buf_append_char(&top, '\0');
    is_str(top.data, "           3 mixed:model\n           2 a:tie\n", "top: by count, ties by name, at most max");
    reasons_clear(&r);
    json.len = 0;
    reasons_append_json(&r, &json);
    buf_append_char(&json, '\0');
    is_str(json.data, "{}", "cleared: an empty object");
    buf_free(&json);
    buf_free(&top);
    reasons_free(&r);
    reasons_free(&total);
}

int main(void)
{
    test_segment_reason();
    test_counts();
    return done_testing();
}
