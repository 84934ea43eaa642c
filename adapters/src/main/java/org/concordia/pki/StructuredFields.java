package org.concordia.pki;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of Structured Field Values for HTTP (RFC 8941, as referenced by RFC 9421 and RFC 9530)
 * that signatures and digests use: dictionaries whose members are items or inner lists, with
 * parameters; bare items that are integers, strings, tokens, byte sequences or booleans. Decimals are
 * refused. Parsing follows RFC 8941 section 4.2 and fails on anything else; serialisation follows
 * section 4.1. Thread-safe.
 */
final class StructuredFields {
    private StructuredFields() {}

    /** A member of a dictionary: an {@link Item} or an {@link InnerList}. */
    sealed interface Member {
        Map<String, Object> parameters();
    }

    /** A bare item ({@code Long}, {@code String}, {@link Token}, {@code byte[]}, {@code Boolean}) with parameters. */
    record Item(Object value, Map<String, Object> parameters) implements Member {}

    record InnerList(List<Item> items, Map<String, Object> parameters) implements Member {}

    /** A token (RFC 8941 section 3.3.4), kept apart from strings. */
    record Token(String value) {}

    /**
     * Parses a dictionary field value (RFC 8941 section 4.2.2), members in order.
     *
     * @throws IllegalArgumentException when the value is not a dictionary of the supported kinds
     */
    static Map<String, Member> parseDictionary(String value) {
        Parser p = new Parser(value);
        p.skipSpaces();
        Map<String, Member> out = new LinkedHashMap<>();
        while (!p.atEnd()) {
            String key = p.key();
            Member member;
            if (p.peek() == '=') {
                p.pos++;
                member = p.peek() == '(' ? p.innerList() : p.item();
            } else {
                member = new Item(Boolean.TRUE, p.parameters());
            }
            out.put(key, member);
            p.skipOws();
            if (p.atEnd()) {
                return out;
            }
            p.expect(',');
            p.skipOws();
            if (p.atEnd()) {
                throw new IllegalArgumentException("trailing comma");
            }
        }
        return out;
    }

    /** An sf-string (RFC 8941 section 4.1.6): quoted, with {@code \} before {@code "} and {@code \}. */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("sf-string allows printable ASCII only");
            }
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** A byte sequence (RFC 8941 section 4.1.8): {@code :base64:}. */
    static String bytes(byte[] value) {
        return ":" + Base64.getEncoder().encodeToString(value) + ":";
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(pos);
        }

        void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos);
            }
            pos++;
        }

        void skipSpaces() {
            while (peek() == ' ') {
                pos++;
            }
        }

        void skipOws() {
            while (peek() == ' ' || peek() == '\t') {
                pos++;
            }
        }

        String key() {
            char first = peek();
            if (!(first >= 'a' && first <= 'z') && first != '*') {
                throw new IllegalArgumentException("a key must start with a-z or * at " + pos);
            }
            int start = pos;
            while (!atEnd()) {
                char c = peek();
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '*') {
                    pos++;
                } else {
                    break;
                }
            }
            return s.substring(start, pos);
        }

        InnerList innerList() {
            expect('(');
            List<Item> items = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (peek() == ')') {
                    pos++;
                    return new InnerList(List.copyOf(items), parameters());
                }
                items.add(item());
                char c = peek();
                if (c != ' ' && c != ')') {
                    throw new IllegalArgumentException("expected a space or ')' at " + pos);
                }
            }
        }

        Item item() {
            Object bare = bareItem();
            return new Item(bare, parameters());
        }

        Map<String, Object> parameters() {
            Map<String, Object> params = new LinkedHashMap<>();
            while (peek() == ';') {
                pos++;
                skipSpaces();
                String key = key();
                Object value = Boolean.TRUE;
                if (peek() == '=') {
                    pos++;
                    value = bareItem();
                }
                params.put(key, value);
            }
            return params;
        }

        Object bareItem() {
            char c = peek();
            if (c == '-' || (c >= '0' && c <= '9')) {
                return integer();
            }
            if (c == '"') {
                return string();
            }
            if (c == ':') {
                return byteSequence();
            }
            if (c == '?') {
                pos++;
                char b = peek();
                pos++;
                if (b == '1') {
                    return Boolean.TRUE;
                }
                if (b == '0') {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("a boolean is ?0 or ?1");
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '*') {
                return token();
            }
            throw new IllegalArgumentException("no item at " + pos);
        }

        Long integer() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            int digits = 0;
            while (peek() >= '0' && peek() <= '9') {
                pos++;
                digits++;
            }
            if (digits == 0 || digits > 15) {
                throw new IllegalArgumentException("an integer has 1 to 15 digits");
            }
            if (peek() == '.') {
                throw new IllegalArgumentException("decimals are not supported");
            }
            return Long.parseLong(s.substring(start, pos));
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (!atEnd()) {
                char c = s.charAt(pos++);
                if (c == '\\') {
                    char next = peek();
                    if (next != '"' && next != '\\') {
                        throw new IllegalArgumentException("bad escape in a string");
                    }
                    b.append(next);
                    pos++;
                } else if (c == '"') {
                    return b.toString();
                } else if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("a string holds printable ASCII only");
                } else {
                    b.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated string");
        }

        Token token() {
            int start = pos;
            pos++;
            while (!atEnd()) {
                char c = peek();
                if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0) {
                    pos++;
                } else {
                    break;
                }
            }
            return new Token(s.substring(start, pos));
        }

        byte[] byteSequence() {
            expect(':');
            int end = s.indexOf(':', pos);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated byte sequence");
            }
            String b64 = s.substring(pos, end);
            if (!b64.matches("[A-Za-z0-9+/=]*")) {
                throw new IllegalArgumentException("a byte sequence is base64");
            }
            pos = end + 1;
            return Base64.getDecoder().decode(b64);
        }
    }
}
