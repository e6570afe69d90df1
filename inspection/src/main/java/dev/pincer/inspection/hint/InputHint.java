package dev.pincer.inspection.hint;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.body.Base64Text;
import dev.pincer.inspection.internal.PercentDecoder;
import java.util.Objects;

/**
 * The hint bits of the request-context header ({@code docs/sensor-protocol.md}, "Hint bits"): which
 * sink families some input of the request could change the meaning of. A clear bit lets the sensor
 * skip the correlator round trip for that family, so a bit may be set needlessly but must never be
 * clear when an input could matter. These rules are the specification:
 *
 * <ol>
 *   <li>A pending body ({@code bodyPending}), or inputs that are {@code truncated} (some of the
 *       request is not represented), give {@link #ALL}.</li>
 *   <li>Every input counts, except an inert header (rule 4). For each counting input the bits of
 *       its {@code raw} form, its {@code decoded} form, its decoded form percent-decoded once
 *       more (double encoding) and, when the decoded form is base64 text, its base64 decoding
 *       ({@link Base64Text}, the correlator reads it too) are combined. For QUERY, FORM, COOKIE and multipart inputs the name
 *       counts too, since applications iterate over parameter names. Names that are not plain
 *       words are also inputs of their own ({@code QUERY_NAME}, {@code HEADER_NAME}, ...,
 *       see {@link InputSource}), whose value is the name, so they count like any value: this is
 *       how a header name ({@code X'or'1: 1}) sets its bits, while plain header names
 *       ({@code User-Agent}) are no inputs and set none.</li>
 *   <li>The bits of one string:
 *     <ul>
 *       <li>{@link #SYNTAX} (SQL, LDAP, XPath) if any character is outside {@code [0-9.]}
 *           (letters and non-ASCII included), or it contains {@code ..}. So {@code 1 or 1=1},
 *           {@code '}, {@code -}, a space, {@code (}, {@code *}, {@code /}, and also {@code hello},
 *           {@code id}, {@code a.b@c.d} set it: a bare name where SQL expects a value
 *           ({@code WHERE id = id}) is an injection. {@code 42}, {@code 1.5},
 *           {@code 10.0.0.1} do not.</li>
 *       <li>{@link #PATH} (file access) if it contains {@code /}, {@code \}, {@code ..},
 *           {@code :}, {@code ~}, {@code &} (an HTML character reference such as {@code &#47;},
 *           which the correlator also decodes), a control character (NUL included) or any non-ASCII
 *           character (Unicode normalisation and Windows best-fit mapping turn U+FF0F into
 *           {@code /} and U+FF0E into {@code .}), or starts with {@code .}. {@code report.pdf}
 *           does not.</li>
 *       <li>{@link #URL} (outbound URL, redirect) if it is not empty: a bare word can be an
 *           internal host name, a bare number a decimal IPv4 address.</li>
 *     </ul>
 *     A {@code %} alone sets no bit (so {@code a%20b} is SYNTAX and URL only); the third form is
 *     what catches {@code %252e%252e%252f}, and a form that still holds {@code %} after two
 *     decodings sets PATH.</li>
 *   <li>Inert headers give no bits when the value matches the header's strict grammar, contains
 *       no {@code ..} and does not start with {@code /} or {@code \}; otherwise they count like
 *       any input (see {@link InertHeaders} for the grammars): the list headers ({@code Accept},
 *       {@code Accept-Encoding}, {@code Accept-Language}, {@code Accept-Charset},
 *       {@code Cache-Control}, {@code Pragma}, {@code Content-Encoding}, {@code Priority},
 *       {@code Upgrade-Insecure-Requests}, {@code DNT}, {@code Sec-Fetch-Site/Mode/Dest/User},
 *       {@code Sec-CH-UA-Mobile}), {@code Content-Type}, {@code If-Modified-Since},
 *       {@code If-Unmodified-Since}, {@code Authorization} ({@code scheme token68}; the decoded
 *       user and password of Basic credentials are separate inputs that count),
 *       {@code User-Agent} (one product, no spaces), and {@code Host}, which gives only
 *       {@link #URL} (when not empty) if it is a valid {@code host[:port]}.</li>
 * </ol>
 *
 * <p>Example: {@code GET /?q=1+or+1=1} with {@code Host: app}, {@code User-Agent: curl/8.5.0} and
 * {@code Accept: *}{@code /*} gives {@code SYNTAX | URL}; without the query it gives {@code URL}.
 */
public final class InputHint {
    public static final int SYNTAX = 1;
    public static final int PATH = 2;
    public static final int URL = 4;
    public static final int ALL = 7;

    private InputHint() {
    }

    /**
     * @param inputs      the request's inputs
     * @param bodyPending true when the request has a body the inputs do not cover yet
     * @return a combination of {@link #SYNTAX}, {@link #PATH} and {@link #URL}
     */
    public static int of(RequestInputs inputs, boolean bodyPending) {
        Objects.requireNonNull(inputs, "inputs");
        if (bodyPending || inputs.truncated()) {
            return ALL;
        }
        int bits = 0;
        for (Input input : inputs.inputs()) {
            bits |= of(input);
            if (bits == ALL) {
                return ALL;
            }
        }
        return bits;
    }

    /** The bits of one input (rules 2 to 4). */
    static int of(Input input) {
        if (input.source() == InputSource.HEADER) {
            int inert = InertHeaders.bits(input.name(), input.raw());
            if (inert >= 0 && input.raw().equals(input.decoded())) {
                return inert;
            }
        }
        int bits = ValueBits.of(input.raw());
        String decoded = input.decoded();
        if (!decoded.equals(input.raw())) {
            bits |= ValueBits.of(decoded);
        }
        if (decoded.indexOf('%') >= 0) {
            String twice = PercentDecoder.decode(decoded, false); // double encoding, decoded by the app
            bits |= ValueBits.of(twice);
            if (twice.indexOf('%') >= 0) {
                bits |= PATH; // encoded three times or more: assume the worst rather than decode on
            }
        }
        String base64 = Base64Text.decode(decoded); // an app that base64-decodes the value reads this
        if (base64 != decoded) {
            bits |= ValueBits.of(base64);
        }
        return namesCount(input.source()) ? bits | ValueBits.of(input.name()) : bits;
    }

    private static boolean namesCount(InputSource source) {
        return switch (source) {
            case QUERY, FORM, COOKIE, MULTIPART_FIELD, MULTIPART_FILENAME -> true;
            default -> false;
        };
    }
}
