package dev.pincer.signatures.transform;

/**
 * {@code t:parityOdd7bit}: sets or clears bit 7 of each byte so that the byte has odd parity, as
 * libmodsecurity v3 ({@code parity_odd_7bit.cc}), with the parity computed over all eight bits
 * as they arrive (see {@code parityEven7bit}). The empty value stays empty.
 *
 * <p>Example: {@code ABC} (0x41 0x42 0x43) gives {@code \xC1\xC2C}.
 */
final class ParityOdd7bit implements Transformation {

    @Override
    public String name() {
        return "parityOdd7bit";
    }

    @Override
    public String apply(String value) {
        return ParityEven7bit.apply(value, false);
    }
}
