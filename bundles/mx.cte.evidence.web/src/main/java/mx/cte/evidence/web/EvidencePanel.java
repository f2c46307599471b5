package mx.cte.evidence.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The evidence shown beside what it proves: served from this bundle's {@code /ui-editor} folder at
 * {@code /ui/paneles/evidencias/mx.cte.evidence.web/}, where the session screen's editors (agreements, the products a
 * guide lays out) find it while the module is installed.
 */
@Component(service = EvidencePanel.class)
@HttpWhiteboardResource(pattern = "/ui/paneles/evidencias/mx.cte.evidence.web/*", prefix = "/ui-editor")
public final class EvidencePanel {
}
