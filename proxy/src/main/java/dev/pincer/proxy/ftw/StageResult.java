package dev.pincer.proxy.ftw;

/**
 * What a stage's request got: the final (non-1xx) status, or no response at all.
 *
 * @param status the status code, or -1 when there was no response
 * @param error why there was none (reset, timeout, unparsable answer), or null
 */
record StageResult(int status, String error) {

    static StageResult answered(int status) {
        return new StageResult(status, null);
    }

    static StageResult failed(String why) {
        return new StageResult(-1, why);
    }

    boolean failed() {
        return status < 0;
    }
}
