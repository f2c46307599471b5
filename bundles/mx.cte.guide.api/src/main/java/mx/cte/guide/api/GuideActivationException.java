package mx.cte.guide.api;

/** An edition cannot be made active; the message says why, in Spanish. */
public class GuideActivationException extends Exception {

    private static final long serialVersionUID = 1L;

    public GuideActivationException(String message) {
        super(message);
    }
}
