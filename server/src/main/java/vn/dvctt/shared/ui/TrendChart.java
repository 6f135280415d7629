package vn.dvctt.shared.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line chart of a value against its target over time, drawn by Chart.js (MIT) from its webjar:
 * no npm package, no commercial Vaadin Charts. The data also stays readable as the
 * {@code data-series} attribute, for tests and for screen readers' sake of a plain table nearby.
 */
@JavaScript("context://webjars/chart.js/4.5.1/dist/chart.umd.min.js")
public class TrendChart extends Div {

    private static final ObjectMapper JSON = new ObjectMapper();
    private String config = "{}";

    /** One point: its label (a date), the value and the target that applied (either may be missing). */
    public record Point(String label, BigDecimal value, BigDecimal target) {
    }

    public TrendChart() {
        getElement().appendChild(new Element("canvas"));
        setWidthFull();
        setHeight("16rem");
    }

    public void setPoints(String valueLabel, String targetLabel, List<Point> points) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> targets = new ArrayList<>();
        for (Point p : points) {
            labels.add(p.label());
            values.add(p.value());
            targets.add(p.target());
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("label", valueLabel);
        value.put("data", values);
        value.put("borderColor", "#1676f3");
        value.put("backgroundColor", "#1676f3");
        value.put("spanGaps", true);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("label", targetLabel);
        target.put("data", targets);
        target.put("borderColor", "#e8590c");
        target.put("borderDash", List.of(6, 4));
        target.put("pointRadius", 0);
        target.put("stepped", true);
        Map<String, Object> chart = Map.of("type", "line",
                "data", Map.of("labels", labels, "datasets", List.of(value, target)),
                "options", Map.of("maintainAspectRatio", false, "animation", false));
        try {
            config = JSON.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chart data cannot be written", e);
        }
        getElement().setAttribute("data-series", config);
        draw();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        draw();
    }

    private void draw() {
        getElement().executeJs("""
                const el = this; const cfg = JSON.parse($0);
                if (el.__chart) { el.__chart.destroy(); }
                if (window.Chart) { el.__chart = new window.Chart(el.querySelector('canvas'), cfg); }""", config);
    }
}
