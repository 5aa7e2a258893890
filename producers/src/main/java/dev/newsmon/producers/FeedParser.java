package dev.newsmon.producers;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;

/**
 * Streams the items of an RSS 2.0 (and 0.9x), Atom 1.0 or RDF/RSS 1.0 feed, one at a time.
 *
 * <p>Safe by construction: DTDs are not processed (no external DTD is ever fetched, no entity declared in a
 * DOCTYPE is expanded), a DOCTYPE that declares entities is refused outright with a clear message (that is how
 * XXE and "billion laughs" payloads look), external entities are disabled and the resolver refuses everything.
 * The caller limits the byte size of the stream. The parser is iterative, so deep nesting cannot overflow the stack.
 */
final class FeedParser implements AutoCloseable {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String ATOM03_NS = "http://purl.org/atom/ns#";
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    /** Namespaces whose elements describe the item itself; others (media:, itunes:, ...) are skipped. */
    private static final Set<String> ITEM_NAMESPACES = Set.of("", "http://purl.org/rss/1.0/",
            "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2", ATOM_NS, ATOM03_NS,
            CONTENT_NS, "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/");
    private static final int MAX_CATEGORIES = 50;
    private static final String XML_NS = XMLConstants.XML_NS_URI;

    enum Type { RSS, ATOM, RDF }

    private final XMLStreamReader r;
    private final Type type;
    private final List<String> path = new ArrayList<>();
    private String feedTitle;
    private String feedLang;

    FeedParser(InputStream in) throws FeedException {
        try {
            this.r = factory().createXMLStreamReader(in);
            this.type = readRoot();
        } catch (XMLStreamException e) {
            throw parseError(e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        return f;
    }

    Type type() {
        return type;
    }

    /** The channel or feed title seen so far (it normally comes before the first item). */
    String feedTitle() {
        return feedTitle;
    }

    private Type readRoot() throws XMLStreamException, FeedException {
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.DTD) {
                refuseEntities(r.getText());
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                Type t = switch (name) {
                    case "rss" -> Type.RSS;
                    case "RDF" -> Type.RDF;
                    case "feed" -> Type.ATOM;
                    default -> null;
                };
                if (t == null) {
                    throw new FeedException("The document is not an RSS, Atom or RDF feed (its root element is <"
                            + name + ">)");
                }
                feedLang = r.getAttributeValue(XML_NS, "lang");
                path.add(name);
                return t;
            }
        }
        throw new FeedException("The document has no XML elements, so it is not a feed");
    }

    private static void refuseEntities(String dtd) throws FeedException {
        if (dtd != null && dtd.contains("<!ENTITY")) {
            throw new FeedException("The feed declares XML entities in a DOCTYPE; newsmon refuses to read such feeds"
                    + " (protection against XXE and entity-expansion attacks)");
        }
    }

    /** The next item, or null at the end of the feed. */
    FeedItem next() throws FeedException {
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    String parent = path.get(path.size() - 1);
                    if (isItem(name)) {
                        return readItem();
                    }
                    if (name.equals("title") && isChannel(parent)) {
                        feedTitle = blankToNull(plain(readMixed(false)));
                    } else if (name.equals("language") && parent.equals("channel")) {
                        feedLang = blankToNull(readMixed(false));
                    } else {
                        path.add(name);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    path.remove(path.size() - 1);
                } else if (ev == XMLStreamConstants.DTD) {
                    refuseEntities(r.getText());
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw parseError(e);
        }
    }

    private boolean isItem(String name) {
        return type == Type.ATOM ? name.equals("entry") : name.equals("item");
    }

    private boolean isChannel(String parent) {
        return type == Type.ATOM ? parent.equals("feed") : parent.equals("channel");
    }

    private FeedItem readItem() throws XMLStreamException {
        String lang = firstNonBlank(r.getAttributeValue(XML_NS, "lang"), feedLang);
        String about = r.getAttributeValue(null, "about");
        if (about == null) {
            about = r.getAttributeValue("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "about");
        }
        ItemFields f = new ItemFields();
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                readField(f);
            }
        }
        String guid = firstNonBlank(f.guid, about);
        String link = firstNonBlank(f.link, f.otherLink, f.guidIsLink ? f.guid : null, isHttp(about) ? about : null);
        String html = firstNonBlank(f.contentHtml, f.contentText == null ? f.summaryHtml : null);
        String text = html == null ? firstNonBlank(f.contentText, f.summaryText) : null;
        String published = firstNonBlank(f.published, f.pubDate, f.dcDate, f.issued, f.updated);
        return new FeedItem(guid, link, f.title, html, text, published, f.author, List.copyOf(f.categories), lang);
    }

    /** Reads one child element of an item (the reader is on its START_ELEMENT) up to its END_ELEMENT. */
    private void readField(ItemFields f) throws XMLStreamException {
        String name = r.getLocalName();
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        if (!ITEM_NAMESPACES.contains(ns)) {
            // media:title, itunes:summary and the like describe attachments, not the article
            skip();
            return;
        }
        boolean atom = ns.equals(ATOM_NS) || ns.equals(ATOM03_NS);
        switch (name) {
            case "title" -> f.title = first(f.title, atom ? atomText(false).asPlain() : plain(readMixed(false)));
            case "link" -> readLink(f, atom);
            case "guid" -> {
                String permaLink = r.getAttributeValue(null, "isPermaLink");
                String guid = blankToNull(readMixed(false));
                if (f.guid == null && guid != null) {
                    f.guid = guid;
                    f.guidIsLink = isHttp(guid) && (permaLink == null || !permaLink.strip().equalsIgnoreCase("false"));
                }
            }
            case "id" -> f.guid = first(f.guid, atom ? readMixed(false) : skip());
            case "encoded" -> f.contentHtml = first(f.contentHtml, ns.equals(CONTENT_NS) ? readMixed(false) : skip());
            case "content", "summary" -> {
                if (!atom) {
                    skip();
                    return;
                }
                AtomText t = atomText(true);
                boolean content = name.equals("content");
                if (t.html && content) {
                    f.contentHtml = first(f.contentHtml, t.value);
                } else if (content) {
                    f.contentText = first(f.contentText, t.value);
                } else if (t.html) {
                    f.summaryHtml = first(f.summaryHtml, t.value);
                } else {
                    f.summaryText = first(f.summaryText, t.value);
                }
            }
            case "description" -> f.summaryHtml = first(f.summaryHtml, readMixed(false));
            case "pubDate" -> f.pubDate = first(f.pubDate, readMixed(false));
            case "date", "created" -> f.dcDate = first(f.dcDate, readMixed(false));
            case "published" -> f.published = first(f.published, readMixed(false));
            case "issued" -> f.issued = first(f.issued, readMixed(false));
            case "updated", "modified" -> f.updated = first(f.updated, readMixed(false));
            case "author", "creator" -> f.author = first(f.author, atom ? atomPerson() : readMixed(false));
            case "category", "subject" -> {
                String term = r.getAttributeValue(null, "term");
                String c = firstNonBlank(term, readMixed(false));
                if (c != null && f.categories.size() < MAX_CATEGORIES) {
                    f.categories.add(c);
                }
            }
            default -> skip();
        }
    }

    /** Keeps the first value a feed gives for a field. */
    private static String first(String current, String candidate) {
        return current != null ? current : blankToNull(candidate);
    }

    private void readLink(ItemFields f, boolean atom) throws XMLStreamException {
        String href = r.getAttributeValue(null, "href");
        if (href == null && !atom) {
            f.link = firstNonBlank(f.link, readMixed(false));
            return;
        }
        String rel = r.getAttributeValue(null, "rel");
        skip();
        if (href == null || href.isBlank()) {
            return;
        }
        if (rel == null || rel.isBlank() || rel.strip().equals("alternate")) {
            f.link = firstNonBlank(f.link, href);
        } else if (!rel.strip().equals("self") && !rel.strip().equals("enclosure")) {
            f.otherLink = firstNonBlank(f.otherLink, href);
        }
    }

    private String atomPerson() throws XMLStreamException {
        String name = null;
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && r.getLocalName().equals("name")) {
                    name = blankToNull(readMixed(false));
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return name;
    }

    private record AtomText(String value, boolean html) {
        String asPlain() {
            return html ? plain(Jsoup.parse(value == null ? "" : value).text()) : plain(value);
        }
    }

    /** An Atom text construct (or any element with a type attribute); out-of-line content (src) is ignored. */
    private AtomText atomText(boolean contentElement) throws XMLStreamException {
        String type = r.getAttributeValue(null, "type");
        String t = type == null ? "text" : type.strip().toLowerCase(Locale.ROOT);
        if (contentElement && r.getAttributeValue(null, "src") != null) {
            skip();
            return new AtomText(null, false);
        }
        boolean xhtml = t.equals("xhtml") || t.equals("application/xhtml+xml");
        boolean html = xhtml || t.equals("html") || t.equals("text/html");
        boolean text = t.equals("text") || t.startsWith("text/");
        if (!html && !text) {
            skip();
            return new AtomText(null, false);
        }
        return new AtomText(readMixed(xhtml), html);
    }

    /**
     * The content of the current element up to its end: text as is (an RSS description holds escaped HTML, so its
     * text already is HTML), nested elements written back as markup with their text escaped.
     */
    private String readMixed(boolean markupMode) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(markupMode || depth > 0 ? escape(r.getText(), false) : r.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    sb.append('<').append(r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        sb.append(' ').append(r.getAttributeLocalName(i)).append("=\"")
                                .append(escape(r.getAttributeValue(i), true)).append('"');
                    }
                    sb.append('>');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        return sb.toString().strip();
                    }
                    depth--;
                    sb.append("</").append(r.getLocalName()).append('>');
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("undeclared entity &" + r.getLocalName() + ";", r.getLocation());
                default -> {
                    // comments and processing instructions carry no article content
                }
            }
        }
    }

    private String skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return null;
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static FeedException parseError(XMLStreamException e) {
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedInputStream.LimitExceededException limit) {
                return new FeedException(limit.getMessage());
            }
            if (t instanceof IOException io && !(t instanceof LimitedInputStream.LimitExceededException)) {
                return new FeedException("The feed cannot be read: " + UnitErrors.describe(io));
            }
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int at = msg.indexOf("Message: ");
        if (at >= 0) {
            msg = msg.substring(at + "Message: ".length());
        }
        Location loc = e.getLocation();
        String where = loc == null || loc.getLineNumber() < 0 ? ""
                : String.format(Locale.ROOT, " (line %d, column %d)", loc.getLineNumber(), loc.getColumnNumber());
        return new FeedException("The feed XML cannot be parsed" + where + ": " + msg.strip());
    }

    private static boolean isHttp(String s) {
        if (s == null) {
            return false;
        }
        String l = s.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    static String plain(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // the underlying stream is closed by its owner
        }
    }

    private static final class ItemFields {
        String guid;
        boolean guidIsLink;
        String link;
        String otherLink;
        String title;
        String contentHtml;
        String contentText;
        String summaryHtml;
        String summaryText;
        String pubDate;
        String dcDate;
        String published;
        String issued;
        String updated;
        String author;
        final List<String> categories = new ArrayList<>();
    }
}
