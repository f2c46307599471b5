package mx.cte.catalogue.api;

/**
 * A resource placed under one of the criteria a guide defines for organising materials.
 *
 * @param session   the guide's key, e.g. {@code SEP:2016-2017:preescolar:ordinaria-3}
 * @param criterion the criterion's key in that guide ({@code a} … {@code f} in the third session)
 * @param label     its text as the guide had it when the school classified, kept for when the guide is gone
 */
public record Classification(String session, String criterion, String label) {
}
