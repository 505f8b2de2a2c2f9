package io.grpo4j.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between JSON, the plain Java column values of a {@link Problem}, and text. */
final class Values {
    private Values() {}

    /**
     * A JSON value as plain Java: objects → Map (file order), arrays → List, integers → Long,
     * other numbers → Double (integers beyond the long range too), strings, booleans, null.
     */
    static Object fromJson(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> e = fields.next();
                    map.put(e.getKey(), fromJson(e.getValue()));
                }
                return Collections.unmodifiableMap(map);
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(child -> list.add(fromJson(child)));
                return Collections.unmodifiableList(list);
            }
            case NUMBER:
                return node.isIntegralNumber() && node.canConvertToLong()
                        ? (Object) node.longValue()
                        : (Object) node.doubleValue();
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected JSON value of type " + node.getNodeType());
        }
    }

    /**
     * How a value reads in a prompt or as an answer: strings as they are, integral doubles
     * without ".0" ({@code 27.0} → {@code 27}), lists as {@code [a, b, c]}.
     */
    static String display(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double) {
            return numberText((Double) value);
        }
        if (value instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            for (Object item : (List<?>) value) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(display(item));
            }
            return sb.append(']').toString();
        }
        return value.toString();
    }

    /** A double without trailing zeros or exponent: 27.0 → "27", 2.50 → "2.5", -1.0 → "-1". */
    static String numberText(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
