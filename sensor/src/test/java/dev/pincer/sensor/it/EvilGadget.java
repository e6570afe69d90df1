package dev.pincer.sensor.it;

import java.io.Serializable;

/** A class whose deserialization the test correlator blocks (its name contains "Evil"). */
public class EvilGadget implements Serializable {
    private static final long serialVersionUID = 1L;
    public String payload = "boom";
}
