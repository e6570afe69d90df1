package dev.pincer.signatures.action;

/** Checks shared by the action constructors. */
final class Values {
    private Values() {
    }

    static String required(String action, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("action '" + action + "' needs a value");
        }
        return value;
    }

    static void none(String action, String value) {
        if (value != null) {
            throw new IllegalArgumentException("action '" + action + "' takes no value (got '" + value + "')");
        }
    }
}
