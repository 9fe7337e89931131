package cn.yunying.dicom.json;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON parser producing {@code Map<String,Object>} (insertion ordered),
 * {@code List<Object>}, {@code String}, {@link JsonNumber} (keeps the literal
 * text so "1.50" stays "1.50"), {@code Boolean} and {@code null}. Nesting depth
 * is limited so hostile input cannot overflow the stack.
 */
public final class JsonParser {
    /** A number as written in the document. */
    public record JsonNumber(String text) {
        public double doubleValue() {
            return Double.parseDouble(text);
        }

        public long longValue() {
            return text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0
                    ? (long) doubleValue() : Long.parseLong(text);
        }
    }

    private static final int MAX_DEPTH = 512;

    private final Reader in;
    private int peeked = -2;
    private long offset;

    public JsonParser(Reader in) {
        this.in = in;
    }

    /** Parses one JSON value; trailing non-space content is an error. */
    public Object parse() throws IOException {
        Object v = value(0);
        skipSpace();
        if (peek() != -1) {
            throw error("unexpected content after the JSON value");
        }
        return v;
    }

    private Object value(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error("JSON nested deeper than " + MAX_DEPTH);
        }
        skipSpace();
        int c = peek();
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error(c == -1 ? "unexpected end of JSON" : "unexpected character '" + (char) c + "'");
        }
    }

    private Map<String, Object> object(int depth) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        next();
        skipSpace();
        if (peek() == '}') {
            next();
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            skipSpace();
            expect(':');
            map.put(name, value(depth + 1));
            skipSpace();
            int c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws IOException {
        List<Object> list = new ArrayList<>();
        next();
        skipSpace();
        if (peek() == ']') {
            next();
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipSpace();
            int c = next();
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws IOException {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = next();
            if (c == -1) {
                throw error("unterminated string");
            }
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                int e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append((char) e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit(next(), 16);
                            if (d < 0) {
                                throw error("bad \\u escape");
                            }
                            code = code << 4 | d;
                        }
                        sb.append((char) code);
                    }
                    default -> throw error("bad escape");
                }
            } else {
                sb.append((char) c);
            }
        }
    }

    private JsonNumber number() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = peek()) == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || c >= '0' && c <= '9') {
            sb.append((char) next());
        }
        String text = sb.toString();
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error("bad number " + text);
        }
        return new JsonNumber(text);
    }

    private void literal(String word) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (next() != word.charAt(i)) {
                throw error("expected " + word);
            }
        }
    }

    private void expect(char c) throws IOException {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private void skipSpace() throws IOException {
        int c;
        while ((c = peek()) == ' ' || c == '\t' || c == '\n' || c == '\r') {
            next();
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int next() throws IOException {
        int c = peek();
        peeked = -2;
        if (c != -1) {
            offset++;
        }
        return c;
    }

    private IOException error(String message) {
        return new IOException("invalid JSON at character " + offset + ": " + message);
    }
}
