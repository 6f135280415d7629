package vn.dvctt.agent.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedObjectsAndArraysWithEscapes() {
        String json = Json.writer().begin().field("a", "x\"<y>\n").field("n", 3).beginArray("l").value("p").value("q")
                .endArray().beginObject("o").field("b", true).end().field("z", (String) null).end().toString();
        assertThat(json).isEqualTo("{\"a\":\"x\\\"\\u003cy\\u003e\\n\",\"n\":3,\"l\":[\"p\",\"q\"],\"o\":{\"b\":true},\"z\":null}");
    }

    @Test
    void readsAFlatObjectThePagePosts() {
        Map<String, Object> m = Json.parseFlat(" {\"topic\":\"Hướng dẫn \\u0111\",\"delta\":-1,\"x\":null,\"ok\":true} ");
        assertThat(m).containsEntry("topic", "Hướng dẫn đ").containsEntry("delta", -1L).containsEntry("ok", true)
                .containsKey("x");
    }

    @Test
    void refusesMalformedNestedOrDuplicatedInput() {
        for (String bad : new String[] {"", "{", "{\"a\":1,}", "{\"a\":{}}", "{\"a\":1.5}", "{\"a\":1} x",
                "{\"a\":1,\"a\":2}", "[1]"}) {
            assertThatThrownBy(() -> Json.parseFlat(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
