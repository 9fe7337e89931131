package cn.yunying.dicom.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A minimal streaming JSON writer (RFC 8259): objects, arrays, strings, raw
 * numbers, booleans, null. Commas and optional indentation are handled here so
 * callers only describe structure. Not thread-safe.
 */
public final class JsonWriter {
    private final Writer out;
    private final boolean pretty;
    private final boolean[] needsComma = new boolean[256];
    private int depth;
    private boolean afterName;

    public JsonWriter(Writer out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    public JsonWriter beginObject() {
        beforeValue();
        write('{');
        push();
        return this;
    }

    public JsonWriter endObject() {
        pop();
        newline();
        write('}');
        return this;
    }

    public JsonWriter beginArray() {
        beforeValue();
        write('[');
        push();
        return this;
    }

    public JsonWriter endArray() {
        pop();
        newline();
        write(']');
        return this;
    }

    public JsonWriter name(String name) {
        beforeValue();
        string(name);
        write(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String text) {
        if (text == null) {
            return nullValue();
        }
        beforeValue();
        string(text);
        return this;
    }

    /** Writes a number given as valid JSON number text. */
    public JsonWriter number(String jsonNumber) {
        beforeValue();
        write(jsonNumber);
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        write("null");
        return this;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void push() {
        if (++depth >= needsComma.length) {
            throw new IllegalStateException("JSON nested too deeply");
        }
        needsComma[depth] = false;
    }

    private void pop() {
        depth--;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (needsComma[depth]) {
            write(',');
        }
        needsComma[depth] = true;
        if (depth > 0) {
            newline();
        }
    }

    private void newline() {
        if (pretty) {
            write('\n');
            for (int i = 0; i < depth; i++) {
                write("  ");
            }
        }
    }

    private void string(String s) {
        write('"');
        // runs of characters that need no escape go out in one call: per-character writes to a StringWriter (a
        // synchronized StringBuffer) were most of the time spent turning a data set into its stored metadata
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            if (i > run) {
                write(s, run, i - run);
            }
            run = i + 1;
            switch (c) {
                case '"' -> write("\\\"");
                case '\\' -> write("\\\\");
                case '\n' -> write("\\n");
                case '\r' -> write("\\r");
                case '\t' -> write("\\t");
                case '\b' -> write("\\b");
                case '\f' -> write("\\f");
                default -> write(String.format("\\u%04x", (int) c)); // the other control characters
            }
        }
        if (s.length() > run) {
            write(s, run, s.length() - run);
        }
        write('"');
    }

    private void write(String s, int offset, int length) {
        try {
            out.write(s, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(char c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
