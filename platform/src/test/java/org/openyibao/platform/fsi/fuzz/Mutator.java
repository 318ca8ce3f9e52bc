package org.openyibao.platform.fsi.fuzz;

import static org.openyibao.platform.fsi.fuzz.OddValues.pick;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;

import org.openyibao.platform.fsi.FsiJson;

/**
 * The seeded mutations: edits of a valid JSON request (values, types, keys, nesting), of its text (duplicate keys,
 * truncation, bytes that are not UTF-8, other encodings) and of its HTTP framing (method, path, version, headers,
 * content type, multipart). Every choice comes from the {@link Random} it is given, so a case is reproduced from
 * its seed alone. Each applied mutation is noted on the request.
 */
final class Mutator {
    private final Random rnd;

    Mutator(Random rnd) {
        this.rnd = rnd;
    }

    // ------------------------------------------------------------------------------------------ JSON values

    /** A place in a JSON tree: an object's field or an array's element. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) ((ObjectNode) parent).set(field, v);
            else ((ArrayNode) parent).set(index, v);
        }

        String name() {
            return field != null ? field : "[" + index + "]";
        }
    }

    /** One to three edits anywhere in the tree (the envelope or its input). */
    void json(ObjectNode root, FuzzRequest r) {
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots, 0);
            if (slots.isEmpty()) return;
            Slot s = pick(rnd, slots);
            int k = rnd.nextInt(100);
            if (k < 45) {
                String raw = OddValues.json(rnd);
                s.set(new POJONode(new RawValue(raw)));
                r.did("value " + s.name() + "=" + cut(raw));
            } else if (k < 65) {
                s.set(swapType(s.get()));
                r.did("type " + s.name());
            } else if (k < 75 && s.field() != null) {
                ((ObjectNode) s.parent()).remove(s.field());
                r.did("remove " + s.name());
            } else if (k < 85 && s.parent() instanceof ObjectNode o) {
                String name = pick(rnd, List.of("", "x", "__proto__", "infno", "input", "data", "a".repeat(300), "\u0000",
                        "中文", OddValues.randomText(rnd, 5)));
                o.set(name, new POJONode(new RawValue(OddValues.json(rnd))));
                r.did("add field " + cut(name));
            } else if (s.parent() instanceof ObjectNode o && s.field() != null) {
                JsonNode v = o.remove(s.field());
                String name = s.field().isEmpty() ? "x" : rnd.nextBoolean() ? s.field().toUpperCase() : s.field() + " ";
                o.set(name, v);
                r.did("rename " + s.name());
            } else {
                ArrayNode wrap = FsiJson.MAPPER.createArrayNode();
                wrap.add(s.get());
                s.set(wrap);
                r.did("wrap " + s.name());
            }
        }
    }

    private void collect(JsonNode n, List<Slot> out, int depth) {
        if (depth > 8 || out.size() > 400) return;
        if (n instanceof ObjectNode o) {
            Iterator<String> names = o.fieldNames();
            List<String> keys = new ArrayList<>();
            names.forEachRemaining(keys::add);
            for (String k : keys) {
                out.add(new Slot(o, k, -1));
                collect(o.get(k), out, depth + 1);
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i));
                collect(a.get(i), out, depth + 1);
            }
        }
    }

    /** The same value as another JSON type: a number as text and back, an object as its JSON text, a list of one. */
    private JsonNode swapType(JsonNode v) {
        if (v == null || v.isNull()) return FsiJson.MAPPER.createObjectNode();
        if (v instanceof POJONode p && p.getPojo() instanceof RawValue raw) return TextNode.valueOf(String.valueOf(raw.rawValue()));
        if (v.isNumber()) return TextNode.valueOf(v.asText());
        if (v.isTextual()) {
            String t = v.asText();
            if (t.matches("-?[0-9]+(\\.[0-9]+)?")) return new POJONode(new RawValue(t));
            return rnd.nextBoolean() ? FsiJson.MAPPER.getNodeFactory().booleanNode(true) : FsiJson.MAPPER.createArrayNode().add(t);
        }
        if (v.isObject()) return TextNode.valueOf(FsiJson.write(v));
        if (v.isArray()) return v.isEmpty() ? FsiJson.MAPPER.createObjectNode() : v.get(0);
        return TextNode.valueOf(v.asText());
    }

    // ------------------------------------------------------------------------------------------ text and bytes

    /** One edit of the serialized body: duplicate keys, cuts, stray bytes, another encoding, a byte order mark. */
    byte[] text(String json, FuzzRequest r) {
        int k = rnd.nextInt(100);
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        if (k < 18) return duplicateKey(json, r);
        if (k < 30) {
            int at = rnd.nextInt(utf8.length + 1);
            r.did("truncate at " + at);
            return java.util.Arrays.copyOf(utf8, at);
        }
        if (k < 45) return insert(utf8, pick(rnd, List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {0}, new byte[] {(byte) 0xF4,
                        (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE4, (byte) 0xB8})), r);
        if (k < 60) return encoded(json, r);
        if (k < 68) {
            byte[] bom = pick(rnd, List.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xEF, (byte) 0xBB}));
            r.did("byte order mark");
            return concat(bom, utf8);
        }
        if (k < 78) {
            String tail = pick(rnd, List.of(" {}", "\u0000", "]", ",", " {\"infno\":\"9001\"}", "\n" + json, "//", "/* */"));
            r.did("trailing " + cut(tail));
            return concat(utf8, tail.getBytes(StandardCharsets.UTF_8));
        }
        if (k < 84) {
            r.did("whitespace flood");
            return insert(utf8, " \t\r\n".repeat(rnd.nextInt(5) == 0 ? 25_000 : 10).getBytes(StandardCharsets.US_ASCII), r);
        }
        if (k < 90) {
            r.did("single quotes");
            return json.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
        }
        if (k < 95) {
            byte[] junk = new byte[pick(rnd, List.of(0, 1, 17, 4096))];
            rnd.nextBytes(junk);
            r.did("random bytes " + junk.length);
            return junk;
        }
        r.did("empty body");
        return new byte[0];
    }

    private byte[] duplicateKey(String json, FuzzRequest r) {
        List<Integer> keys = new ArrayList<>();
        for (int i = json.indexOf("\""); i >= 0 && keys.size() < 200; i = json.indexOf("\"", i + 1)) {
            if (i > 0 && (json.charAt(i - 1) == '{' || json.charAt(i - 1) == ',')) keys.add(i);
        }
        if (keys.isEmpty()) return json.getBytes(StandardCharsets.UTF_8);
        int at = pick(rnd, keys);
        int end = json.indexOf("\":", at + 1);
        if (end < 0) return json.getBytes(StandardCharsets.UTF_8);
        String key = json.substring(at, end + 1);
        String copy = key + ":" + OddValues.json(rnd) + ",";
        r.did("duplicate key " + cut(key));
        return (json.substring(0, at) + copy + json.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] insert(byte[] body, byte[] what, FuzzRequest r) {
        int at = rnd.nextInt(body.length + 1);
        r.did("insert " + what.length + " bytes at " + at);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + what.length);
        out.write(body, 0, at);
        out.writeBytes(what);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    /** The body in another encoding, the content type naming it or not. */
    private byte[] encoded(String json, FuzzRequest r) {
        String name = pick(rnd, List.of("UTF-16LE", "UTF-16BE", "UTF-16", "GBK", "GB18030", "ISO-8859-1", "UTF-32", "Big5"));
        byte[] b = json.getBytes(Charset.forName(name));
        boolean declared = rnd.nextBoolean();
        if (declared) r.set("Content-Type", "application/json; charset=" + name);
        r.did("encoded " + name + (declared ? " (declared)" : " (undeclared)"));
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String cut(String s) {
        String t = s.length() <= 40 ? s : s.substring(0, 40) + "…(" + s.length() + ")";
        StringBuilder b = new StringBuilder();
        for (char c : t.toCharArray()) b.append(c < 32 || (c >= 0xD800 && c < 0xE000) ? String.format("\\u%04x", (int) c) : c);
        return b.toString();
    }
}
