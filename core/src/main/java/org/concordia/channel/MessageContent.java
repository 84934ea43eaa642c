package org.concordia.channel;

import java.util.Objects;

/**
 * What a message says: the part sealed to the recipient (and, at the sender, to the sender itself), so
 * neither a relay nor a reader of either node's database sees it.
 *
 * @param subject one line, 1 to {@value #MAX_SUBJECT} characters
 * @param body the text, at most {@value #MAX_BODY} characters; may be empty
 */
public record MessageContent(String subject, String body) {
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 100_000;

    public MessageContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT || subject.contains("\n")) {
            throw new IllegalArgumentException("a subject is one line of 1 to " + MAX_SUBJECT + " characters");
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("a body is at most " + MAX_BODY + " characters");
        }
    }

    @Override
    public String toString() {
        return "MessageContent[not shown]";
    }
}
