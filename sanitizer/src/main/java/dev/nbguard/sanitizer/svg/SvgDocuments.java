package dev.nbguard.sanitizer.svg;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.html.Excerpts;
import dev.nbguard.sanitizer.html.OutputScope;
import dev.nbguard.sanitizer.html.StyleAttributes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

/** Reading an SVG document as XML and writing the cleaned {@code <svg>} back as XML. */
final class SvgDocuments {
  private SvgDocuments() {}

  /**
   * Parses {@code svg} as XML (the prolog, DOCTYPE, comments and processing instructions are
   * dropped; entities are never expanded), cleans the root {@code <svg>} and serializes it.
   */
  static String clean(String svg, SvgTreeCleaner cleaner, Report report) {
    Document parsed = Jsoup.parse(svg, "", Parser.xmlParser());
    Element root = null;
    for (Node n : List.copyOf(parsed.childNodes())) {
      if (n instanceof DocumentType dt && (dt.outerHtml().contains("[") || dt.outerHtml().contains("ENTITY"))) {
        report.sanitized("svg.doctype", dt.outerHtml());
      } else if (n instanceof Element e) {
        if (root == null && e.tagName().equals("svg")) {
          root = e;
        } else {
          report.sanitized("svg.element.unknown", Excerpts.of(e));
        }
      }
    }
    if (root == null) {
      throw new IllegalArgumentException("image/svg+xml has no <svg> root element");
    }
    Optional<String> earlierKey = OutputScope.keyOf(root); // ours, from an earlier pass
    root.removeAttr(OutputScope.ATTRIBUTE); // set again below
    StyleAttributes styles =
        cleaner.styles(report, () -> earlierKey.orElseGet(() -> OutputScope.keyFor(svg)));
    cleaner.clean(root, true, report, styles);
    Document out = new Document("");
    out.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .prettyPrint(false)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset(StandardCharsets.UTF_8);
    root.remove();
    out.appendChild(root);
    List<Attribute> attrs = root.attributes().asList();
    root.clearAttributes();
    root.attributes().put("xmlns", SvgRules.SVG_NS);
    root.attributes().put("xmlns:xlink", SvgRules.XLINK_NS);
    for (Attribute a : attrs) {
      root.attributes().put(a.getKey(), a.getValue());
    }
    if (styles.keptStylesheet()) {
      root.attributes().put(OutputScope.ATTRIBUTE, styles.scopeKey()); // kept rules apply inside only
    }
    return root.outerHtml();
  }

  private static final DocumentBuilderFactory XML = secureFactory();

  private static DocumentBuilderFactory secureFactory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      f.setXIncludeAware(false);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no secure XML parser available", e);
    }
  }

  /** Throws unless {@code xml} is a well-formed, namespace-correct XML document. */
  static void requireWellFormed(String xml) {
    try {
      javax.xml.parsers.DocumentBuilder b;
      synchronized (XML) {
        b = XML.newDocumentBuilder();
      }
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
          throw e;
        }
      });
      b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalArgumentException("sanitized SVG is not well-formed XML: " + e.getMessage(), e);
    }
  }
}
