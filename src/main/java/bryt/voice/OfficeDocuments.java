package bryt.voice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartDocument;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * Removes who wrote an Office Open XML (docx, xlsx, pptx) or OpenDocument (odt, ods, odp)
 * file, and when, without breaking it.
 *
 * <ul>
 * <li>The document properties are replaced by empty parts: {@code docProps/core.xml},
 * {@code app.xml} and {@code custom.xml} of Office files (author, last editor, revision,
 * company, dates, custom properties), {@code meta.xml} of OpenDocument files (creator,
 * initial creator, dates, editing cycles and time, template, generator, user-defined
 * fields).</li>
 * <li>The names of the authors of tracked changes and comments, wherever a format keeps
 * them ({@code w:author} and {@code w:initials} of Word, {@code word/people.xml}, the
 * authors of Excel's comments and threaded comments with their persons, PowerPoint's
 * comment authors, {@code dc:creator} and the creator's initials in OpenDocument), are
 * replaced by "Author 1", "Author 2"… (initials "A1", "A2"…), the same person by the same
 * name within a file, as LibreOffice does when it removes personal information. So a
 * recipient still sees that two people changed the text, not who.</li>
 * <li>The dates of tracked changes and comments are removed where a format allows it
 * (Word, Excel's threaded comments) and set to 1970-01-01T00:00:00 where it requires one
 * (OpenDocument).</li>
 * <li>Paths that name the user (Word's attached template, Excel's {@code absPath}), the
 * printer of an OpenDocument file, the user name of Excel's file sharing, and
 * OpenDocument signatures (which name the signer and no longer match) are removed.</li>
 * <li>Every part that is a JPEG or PNG picture ({@code word/media/}, {@code xl/media/},
 * {@code ppt/media/}, {@code Pictures/}, thumbnails), known by its content rather than
 * its name, goes through {@link JpegSegments} or {@link PngChunks}.</li>
 * <li>Every other part is copied byte for byte; a part is rewritten only when it held
 * something to remove. Every entry gets the same fixed time, because the entries' times
 * are when the author saved. The {@code mimetype} entry of an OpenDocument file stays
 * first and stored, as the format requires.</li>
 * </ul>
 *
 * What each part held is added to the caller's set of {@link MetadataCleaner.Removed}, so
 * that the reporter is told what this file had, not what such files may have. Unpacking
 * is bounded ({@link Budget}): a package with too many entries, or unpacking to too much,
 * is refused ({@link TooLarge}) after at most that much work.
 *
 * Plain ZIP and StAX from the JDK are enough: only the few attributes and elements above
 * change, and no object model of the document is needed. Text inside the document, which
 * may name people too, stays as written.
 */
final class OfficeDocuments {

	/** What OpenDocument requires where a change or comment must carry a date. */
	static final String NEUTRAL_DATE = "1970-01-01T00:00:00";

	/**
	 * The time of every entry. Not 1980-01-01 00:00, which the JDK takes for "unknown"
	 * and adds an extra field for: the {@code mimetype} of an OpenDocument file must be
	 * followed directly by its content.
	 */
	private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

	private static final String ODF_MIMETYPE = "application/vnd.oasis.opendocument.";

	private static final Map<String, String> EMPTY_OFFICE_PARTS = Map.of("docProps/core.xml", """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
			xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
			xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
			""", "docProps/app.xml", """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>
			""", "docProps/custom.xml", """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>
			""");

	/** Signatures name the signer, and no longer match a cleaned document. */
	private static final Set<String> ODF_DROPPED = Set.of("META-INF/documentsignatures.xml",
			"META-INF/macrosignatures.xml");

	static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	static final String W15 = "http://schemas.microsoft.com/office/word/2012/wordml";

	static final String W16CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex";

	static final String SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final String X15AC = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac";

	static final String THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments";

	static final String PML = "http://schemas.openxmlformats.org/presentationml/2006/main";

	static final String P188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main";

	static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	static final String DC = "http://purl.org/dc/elements/1.1/";

	static final String ODF_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";

	static final String ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

	static final String ODF_CONFIG = "urn:oasis:names:tc:opendocument:xmlns:config:1.0";

	static final String LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0";

	private OfficeDocuments() {
	}

	/** The two families of zipped office documents. */
	enum Format {

		OFFICE_OPEN_XML, OPEN_DOCUMENT

	}

	/**
	 * Which kind of office document the zip holds: OpenDocument when its first entry is a
	 * {@code mimetype} naming one, Office Open XML when it has
	 * {@code [Content_Types].xml}.
	 * @throws IOException when the zip cannot be read
	 */
	static Optional<Format> format(byte[] zip, MetadataCleaner.Limits limits) throws IOException {
		Budget budget = new Budget(limits, zip.length);
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			boolean first = true;
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				budget.entry();
				byte[] content = budget.read(in);
				if (first && entry.getName().equals("mimetype")) {
					String mimetype = new String(content, 0, Math.min(content.length, 200), StandardCharsets.US_ASCII);
					if (mimetype.startsWith(ODF_MIMETYPE)) {
						return Optional.of(Format.OPEN_DOCUMENT);
					}
				}
				if (entry.getName().equals("[Content_Types].xml")) {
					return Optional.of(Format.OFFICE_OPEN_XML);
				}
				first = false;
			}
		}
		return Optional.empty();
	}

	/**
	 * The document without its authors, as described above.
	 * @param removed gets what was removed or replaced
	 * @throws TooLarge when it has more entries or unpacks to more than the limits allow
	 * @throws IOException when the zip, one of its XML parts or one of its JPEG or PNG
	 * images cannot be read
	 */
	static byte[] clean(byte[] zip, Format format, MetadataCleaner.Limits limits, Set<MetadataCleaner.Removed> removed)
			throws IOException {
		Authors authors = new Authors(removed);
		Budget budget = new Budget(limits, zip.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream cleaned = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				budget.entry();
				String name = entry.getName();
				byte[] content = budget.read(in);
				if (format == Format.OPEN_DOCUMENT && ODF_DROPPED.contains(name)) {
					removed.add(MetadataCleaner.Removed.SIGNATURES);
					continue;
				}
				byte[] part = part(format, name, content, authors);
				if (format == Format.OPEN_DOCUMENT && name.equals("mimetype")) {
					stored(cleaned, name, part);
				}
				else {
					ZipEntry copy = new ZipEntry(name);
					copy.setTimeLocal(ENTRY_TIME);
					cleaned.putNextEntry(copy);
					cleaned.write(part);
					cleaned.closeEntry();
				}
			}
		}
		return out.toByteArray();
	}

	private static byte[] part(Format format, String name, byte[] content, Authors authors) throws IOException {
		// Pictures (word/media, xl/media, ppt/media, Pictures/, thumbnails) wherever they
		// are, known by their content, not their name.
		if (JpegSegments.isJpeg(content)) {
			JpegSegments.Filtered image = JpegSegments.clean(content);
			authors.removed.addAll(image.removed());
			return image.bytes();
		}
		if (PngChunks.isPng(content)) {
			JpegSegments.Filtered image = PngChunks.clean(content);
			authors.removed.addAll(image.removed());
			return image.bytes();
		}
		if (format == Format.OFFICE_OPEN_XML) {
			String empty = EMPTY_OFFICE_PARTS.get(name);
			if (empty != null) {
				if (hasText(content)) {
					authors.removed.add(MetadataCleaner.Removed.DOCUMENT_PROPERTIES);
				}
				return empty.getBytes(StandardCharsets.UTF_8);
			}
			if (name.endsWith(".xml") || name.endsWith(".rels")) {
				return rewrite(content, new OfficeRules(authors, name.startsWith("xl/comments")));
			}
			return content;
		}
		if (name.equals("meta.xml")) {
			if (hasText(content)) {
				authors.removed.add(MetadataCleaner.Removed.DOCUMENT_PROPERTIES);
			}
			return emptyMeta(content);
		}
		if (name.endsWith(".xml") && !name.startsWith("META-INF/")) {
			return rewrite(content, new OpenDocumentRules(authors));
		}
		return content;
	}

	/**
	 * What to change in one XML part. Each method answers for one element or attribute;
	 * {@code null} keeps it as it is.
	 */
	private interface Rules {

		/** The attribute's new value, {@link #DROP} to remove it, or {@code null}. */
		default String attribute(StartElement element, Attribute attribute) {
			return null;
		}

		/** Whether to leave the element out with everything inside it. */
		default boolean drop(StartElement element) {
			return false;
		}

		/** How to change the element's text, or {@code null} to keep it. */
		default UnaryOperator<String> text(StartElement element) {
			return null;
		}

		String DROP = new String("drop");

	}

	/** Word, Excel and PowerPoint. */
	private static final class OfficeRules implements Rules {

		private final Authors authors;

		private final boolean excelComments;

		/** The author of the {@code w15:person} being read, for its presence info. */
		private String person;

		OfficeRules(Authors authors, boolean excelComments) {
			this.authors = authors;
			this.excelComments = excelComments;
		}

		@Override
		public String attribute(StartElement element, Attribute attribute) {
			String namespace = attribute.getName().getNamespaceURI();
			String name = attribute.getName().getLocalPart();
			String elementNamespace = element.getName().getNamespaceURI();
			String elementName = element.getName().getLocalPart();
			String value = attribute.getValue();
			if (namespace.equals(W)) {
				return switch (name) {
					case "author" -> this.authors.name(value);
					case "initials" -> this.authors.initials(value);
					case "date" -> this.authors.drop(MetadataCleaner.Removed.CHANGE_DATES);
					default -> null;
				};
			}
			if (namespace.equals(W15) && elementName.equals("person") && name.equals("author")) {
				this.person = this.authors.name(value);
				return this.person;
			}
			if (namespace.equals(W15) && elementName.equals("presenceInfo")) {
				return switch (name) {
					case "providerId" -> "None";
					case "userId" -> (this.person != null) ? this.person : this.authors.name(value);
					default -> null;
				};
			}
			if (namespace.equals(W16CEX) && name.equals("dateUtc")) {
				return this.authors.drop(MetadataCleaner.Removed.CHANGE_DATES);
			}
			boolean unqualified = namespace.isEmpty();
			if (unqualified && elementNamespace.equals(SML) && elementName.equals("fileSharing")
					&& name.equals("userName")) {
				return this.authors.name(value);
			}
			if (unqualified && elementNamespace.equals(THREADED)) {
				if (elementName.equals("person")) {
					return switch (name) {
						case "displayName" -> this.authors.name(value);
						case "userId" -> this.authors.name(valueOf(element, "displayName", value));
						case "providerId" -> "None";
						default -> null;
					};
				}
				if (elementName.equals("threadedComment") && name.equals("dT")) {
					return this.authors.drop(MetadataCleaner.Removed.CHANGE_DATES);
				}
			}
			if (unqualified && elementNamespace.equals(PML) && elementName.equals("cm") && name.equals("dt")) {
				// When a PowerPoint comment was written; optional in the schema.
				return this.authors.drop(MetadataCleaner.Removed.CHANGE_DATES);
			}
			if (unqualified && ((elementNamespace.equals(PML) && elementName.equals("cmAuthor"))
					|| (elementNamespace.equals(P188) && elementName.equals("author")))) {
				return switch (name) {
					case "name" -> this.authors.name(value);
					case "initials" -> this.authors.initials(value);
					case "userId" -> this.authors.name(valueOf(element, "name", value));
					case "providerId" -> "None";
					default -> null;
				};
			}
			if (unqualified && elementNamespace.equals(RELATIONSHIPS) && elementName.equals("Relationship")
					&& name.equals("Target") && valueOf(element, "Type", "").endsWith("/attachedTemplate")) {
				// A path such as C:\Users\<name>\…\Normal.dotm; the file name is enough.
				String file = value.substring(Math.max(value.lastIndexOf('\\'), value.lastIndexOf('/')) + 1);
				if (!file.equals(value)) {
					this.authors.removed.add(MetadataCleaner.Removed.FILE_PATHS);
				}
				return file;
			}
			return null;
		}

		@Override
		public boolean drop(StartElement element) {
			if (element.getName().getNamespaceURI().equals(X15AC)
					&& element.getName().getLocalPart().equals("absPath")) {
				this.authors.removed.add(MetadataCleaner.Removed.FILE_PATHS);
				return true;
			}
			return false;
		}

		@Override
		public UnaryOperator<String> text(StartElement element) {
			if (!element.getName().getNamespaceURI().equals(SML)) {
				return null;
			}
			if (element.getName().getLocalPart().equals("author")) {
				return this.authors::name;
			}
			if (this.excelComments && element.getName().getLocalPart().equals("t")) {
				// Excel begins a comment's text with its author's name and a colon.
				return this.authors::replaceLeadingName;
			}
			return null;
		}

	}

	/** OpenDocument text, spreadsheets and presentations. */
	private static final class OpenDocumentRules implements Rules {

		private final Authors authors;

		OpenDocumentRules(Authors authors) {
			this.authors = authors;
		}

		@Override
		public boolean drop(StartElement element) {
			if (!element.getName().getNamespaceURI().equals(ODF_CONFIG)
					|| !element.getName().getLocalPart().equals("config-item")) {
				return false;
			}
			String name = valueOf(element, new QName(ODF_CONFIG, "name"), "");
			if (name.equals("PrinterName") || name.equals("PrinterSetup")) {
				this.authors.removed.add(MetadataCleaner.Removed.PRINTER);
				return true;
			}
			return false;
		}

		@Override
		public UnaryOperator<String> text(StartElement element) {
			String namespace = element.getName().getNamespaceURI();
			String name = element.getName().getLocalPart();
			if (namespace.equals(DC) && name.equals("creator")) {
				return this.authors::name;
			}
			if (namespace.equals(DC) && name.equals("date")) {
				return (date) -> {
					if (!date.equals(NEUTRAL_DATE)) {
						this.authors.removed.add(MetadataCleaner.Removed.CHANGE_DATES);
					}
					return NEUTRAL_DATE;
				};
			}
			if ((namespace.equals(ODF_META) && name.equals("creator-initials"))
					|| (namespace.equals(LOEXT) && name.equals("sender-initials"))) {
				return this.authors::initials;
			}
			return null;
		}

	}

	/**
	 * The authors of one document under neutral names: the first name met becomes "Author
	 * 1", the next "Author 2"; initials likewise "A1", "A2".
	 */
	static final class Authors {

		private final Map<String, String> names = new LinkedHashMap<>();

		private final Map<String, String> initials = new LinkedHashMap<>();

		/** What the document's parts held that was removed or replaced, so far. */
		final Set<MetadataCleaner.Removed> removed;

		Authors(Set<MetadataCleaner.Removed> removed) {
			this.removed = removed;
		}

		String name(String original) {
			if (original.isBlank()) {
				return original;
			}
			this.removed.add(MetadataCleaner.Removed.AUTHOR_NAMES);
			return this.names.computeIfAbsent(original.strip(), (key) -> "Author " + (this.names.size() + 1));
		}

		String initials(String original) {
			if (original.isBlank()) {
				return original;
			}
			this.removed.add(MetadataCleaner.Removed.AUTHOR_NAMES);
			return this.initials.computeIfAbsent(original.strip(), (key) -> "A" + (this.initials.size() + 1));
		}

		/** Notes what an attribute held and drops it. */
		String drop(MetadataCleaner.Removed what) {
			this.removed.add(what);
			return Rules.DROP;
		}

		/** {@code "Anna Berg: text"} → {@code "Author 1: text"} for a known author. */
		String replaceLeadingName(String text) {
			for (Map.Entry<String, String> author : this.names.entrySet()) {
				if (!author.getKey().isEmpty() && text.startsWith(author.getKey() + ":")) {
					return author.getValue() + text.substring(author.getKey().length());
				}
			}
			return text;
		}

	}

	/**
	 * The part with the rules applied, or the part itself, unchanged to the byte, when
	 * they changed nothing.
	 */
	private static byte[] rewrite(byte[] xml, Rules rules) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length);
		boolean changed = false;
		try {
			XMLEventReader reader = inputFactory().createXMLEventReader(new ByteArrayInputStream(xml));
			XMLEventWriter writer = XMLOutputFactory.newDefaultFactory().createXMLEventWriter(out, "UTF-8");
			XMLEventFactory events = XMLEventFactory.newDefaultFactory();
			while (reader.hasNext()) {
				XMLEvent event = reader.nextEvent();
				if (event.getEventType() == XMLEvent.DTD) {
					throw new IOException("An office document part with a document type declaration");
				}
				if (event.isStartDocument()) {
					StartDocument start = (StartDocument) event;
					writer.add(start.standaloneSet()
							? events.createStartDocument("UTF-8", start.getVersion(), start.isStandalone())
							: events.createStartDocument("UTF-8", start.getVersion()));
					continue;
				}
				if (!event.isStartElement()) {
					writer.add(event);
					continue;
				}
				StartElement element = event.asStartElement();
				if (rules.drop(element)) {
					skip(reader);
					changed = true;
					continue;
				}
				List<Attribute> attributes = new ArrayList<>();
				for (Iterator<Attribute> it = element.getAttributes(); it.hasNext();) {
					Attribute attribute = it.next();
					String replaced = rules.attribute(element, attribute);
					if (replaced == null) {
						attributes.add(attribute);
						continue;
					}
					changed = true;
					if (replaced != Rules.DROP) {
						attributes.add(events.createAttribute(attribute.getName(), replaced));
					}
				}
				writer.add(events.createStartElement(element.getName().getPrefix(), element.getName().getNamespaceURI(),
						element.getName().getLocalPart(), attributes.iterator(), element.getNamespaces()));
				UnaryOperator<String> text = rules.text(element);
				if (text != null) {
					String original = readText(reader);
					String replaced = text.apply(original);
					changed |= !replaced.equals(original);
					writer.add(events.createCharacters(replaced));
				}
			}
			writer.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException("An office document part is not well-formed XML", ex);
		}
		return changed ? out.toByteArray() : xml;
	}

	/**
	 * An OpenDocument {@code meta.xml} with nothing in its {@code office:meta}, of the
	 * original's version.
	 */
	private static byte[] emptyMeta(byte[] xml) throws IOException {
		String version = null;
		try {
			XMLEventReader reader = inputFactory().createXMLEventReader(new ByteArrayInputStream(xml));
			while (reader.hasNext()) {
				XMLEvent event = reader.nextEvent();
				if (event.isStartElement()) {
					version = valueOf(event.asStartElement(), new QName(ODF_OFFICE, "version"), null);
					break;
				}
			}
		}
		catch (XMLStreamException ex) {
			throw new IOException("meta.xml is not well-formed XML", ex);
		}
		String versionAttribute = (version != null && version.matches("[0-9.]{1,10}"))
				? " office:version=\"" + version + "\"" : "";
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta xmlns:office=\"" + ODF_OFFICE + "\""
				+ versionAttribute + "><office:meta/></office:document-meta>\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The JDK's own StAX, whatever else is on the class path: the settings below are
	 * checked against it, and another parser (Aalto, which FastExcel's reader brings into
	 * the tests) refuses {@code ACCESS_EXTERNAL_DTD}, so every office file would come out
	 * "could not clean".
	 */
	private static XMLInputFactory inputFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		// Office parts never declare a DTD; refusing one rules out entity expansion and
		// external references.
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}

	/** The text up to the element's end, which is left for the caller to copy. */
	private static String readText(XMLEventReader reader) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		while (reader.peek() != null && reader.peek().isCharacters()) {
			text.append(reader.nextEvent().asCharacters().getData());
		}
		if (reader.peek() != null && !reader.peek().isEndElement()) {
			throw new XMLStreamException("Expected only text in an element whose text is replaced");
		}
		return text.toString();
	}

	/** Reads past the end of the element just started. */
	private static void skip(XMLEventReader reader) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			XMLEvent event = reader.nextEvent();
			if (event.isStartElement()) {
				depth++;
			}
			else if (event.isEndElement()) {
				depth--;
			}
		}
	}

	private static String valueOf(StartElement element, String localName, String otherwise) {
		return valueOf(element, new QName(localName), otherwise);
	}

	private static String valueOf(StartElement element, QName name, String otherwise) {
		Attribute attribute = element.getAttributeByName(name);
		return (attribute != null) ? attribute.getValue() : otherwise;
	}

	private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(content.length);
		entry.setCompressedSize(content.length);
		CRC32 crc = new CRC32();
		crc.update(content);
		entry.setCrc(crc.getValue());
		entry.setTimeLocal(ENTRY_TIME);
		zip.putNextEntry(entry);
		zip.write(content);
		zip.closeEntry();
	}

	/**
	 * Whether an XML part holds any text or attribute below its root element, that is any
	 * property at all.
	 */
	private static boolean hasText(byte[] xml) throws IOException {
		try {
			XMLEventReader reader = inputFactory().createXMLEventReader(new ByteArrayInputStream(xml));
			int depth = 0;
			while (reader.hasNext()) {
				XMLEvent event = reader.nextEvent();
				if (event.getEventType() == XMLEvent.DTD) {
					throw new IOException("An office document part with a document type declaration");
				}
				if (event.isStartElement()) {
					depth++;
					if (depth > 1 && event.asStartElement().getAttributes().hasNext()) {
						return true;
					}
					if (depth > 2) {
						return true;
					}
				}
				else if (event.isEndElement()) {
					depth--;
				}
				else if (event.isCharacters() && depth > 1 && !event.asCharacters().getData().isBlank()) {
					return true;
				}
			}
			return false;
		}
		catch (XMLStreamException ex) {
			throw new IOException("A document properties part is not well-formed XML", ex);
		}
	}

	/**
	 * What unpacking one package may take: so many entries, so many bytes in all, and no
	 * more than a multiple of its own size, so that a small zip bomb is stopped after
	 * about a megabyte rather than at the total limit. Counted as the bytes come out of
	 * the inflater, not from the sizes the zip declares, which a bomb may fake.
	 */
	private static final class Budget {

		private final MetadataCleaner.Limits limits;

		private final long allowed;

		private long unpacked;

		private int entries;

		Budget(MetadataCleaner.Limits limits, long packed) {
			this.limits = limits;
			this.allowed = limits.unpackedAllowed(packed);
		}

		void entry() throws TooLarge {
			if (++this.entries > this.limits.maxZipEntries()) {
				throw new TooLarge("The package has more than " + this.limits.maxZipEntries() + " entries");
			}
		}

		byte[] read(InputStream in) throws IOException {
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				this.unpacked += read;
				if (this.unpacked > this.allowed) {
					throw new TooLarge("The package unpacks to more than " + this.allowed + " bytes");
				}
				content.write(buffer, 0, read);
			}
			return content.toByteArray();
		}

	}

	/** A package with more entries or unpacking to more than the limits allow. */
	static final class TooLarge extends IOException {

		TooLarge(String message) {
			super(message);
		}

	}

}
