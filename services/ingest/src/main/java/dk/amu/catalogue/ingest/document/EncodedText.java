package dk.amu.catalogue.ingest.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes a plain-text FKB document. Operators save the text from Word or Notepad, so besides
 * UTF-8 (with or without BOM) we meet UTF-16 and legacy Windows-1252; anything else is refused
 * rather than guessed, because a wrong guess yields plausible-looking but wrong course titles.
 */
final class EncodedText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String DANISH_LETTERS = "æøåÆØÅ";

    private EncodedText() {
    }

    static String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return strict(StandardCharsets.UTF_8, content, 3).orElseThrow(() -> new DocumentRejectedException(
                    "the file starts with a UTF-8 byte order mark but is not valid UTF-8 text"));
        }
        if (startsWith(content, 0xFE, 0xFF) || startsWith(content, 0xFF, 0xFE)) {
            return strict(StandardCharsets.UTF_16, content, 0).orElseThrow(() -> new DocumentRejectedException(
                    "the file starts with a UTF-16 byte order mark but is not valid UTF-16 text"));
        }
        Optional<String> utf8 = strict(StandardCharsets.UTF_8, content, 0);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        return strict(WINDOWS_1252, content, 0)
                .filter(EncodedText::looksDanish)
                .orElseThrow(() -> new DocumentRejectedException(
                        "the file is neither a PDF nor readable text (not UTF-8, and not Danish Windows-1252 text)"));
    }

    // Any Windows-1252 byte sequence decodes to something; only Danish letters make it likely
    // that the guess is right, since every FKB document is written in Danish.
    private static boolean looksDanish(String text) {
        return text.chars().anyMatch(c -> DANISH_LETTERS.indexOf(c) >= 0);
    }

    private static Optional<String> strict(Charset charset, byte[] content, int offset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(content, offset, content.length - offset));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
