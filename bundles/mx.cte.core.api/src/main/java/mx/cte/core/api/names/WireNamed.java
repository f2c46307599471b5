package mx.cte.core.api.names;

/** A value with the name it has on the wire. */
public interface WireNamed {

    String wireName();
}
