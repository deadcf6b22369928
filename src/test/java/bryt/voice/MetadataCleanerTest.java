package bryt.voice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataCleanerTest {

	@Test
	void removesGpsFromAJpeg() throws Exception {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", plain);
		TiffOutputSet exif = new TiffOutputSet();
		// Stockholm City Hall.
		exif.setGpsInDegrees(18.0549, 59.3275);
		ByteArrayOutputStream withGps = new ByteArrayOutputStream();
		new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withGps, exif);
		JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(withGps.toByteArray());
		assertThat(before.getExif().getGpsInfo()).isNotNull();

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("photo.jpg", withGps.toByteArray());

		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.IMAGE_REMOVED);
		JpegImageMetadata after = (JpegImageMetadata) Imaging.getMetadata(cleaned.bytes());
		assertThat((after == null) ? null : after.getExif()).isNull();
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream(cleaned.bytes())).getWidth()).isEqualTo(8);
	}

	@Test
	void removesTheAuthorFromAPdf() throws Exception {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			document.getDocumentInformation().setAuthor("Anna Author");
			document.getDocumentInformation().setProducer("Office of Anna");
			document.save(pdf);
		}
		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("letter.pdf", pdf.toByteArray());
		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.PDF_REMOVED);
		try (PDDocument document = Loader.loadPDF(cleaned.bytes())) {
			assertThat(document.getDocumentInformation().getAuthor()).isNull();
			assertThat(document.getNumberOfPages()).isEqualTo(1);
		}
		assertThat(new String(cleaned.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Anna");
	}

	@Test
	void replacesTheAuthorsOfTrackedChangesAndCommentsInADocxAndKeepsItsText() throws Exception {
		Map<String, String> docx = new LinkedHashMap<>();
		docx.put("[Content_Types].xml", CONTENT_TYPES);
		docx.put("docProps/core.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
				xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Anna Berg</dc:creator>\
				<cp:lastModifiedBy>Bo Ek</cp:lastModifiedBy></cp:coreProperties>""");
		docx.put("docProps/custom.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
				xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
				<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner">\
				<vt:lpwstr>Anna Berg</vt:lpwstr></property></Properties>""");
		docx.put("word/document.xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
						<w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">The lock </w:t></w:r>\
						<w:ins w:id="1" w:author="Anna Berg" w:date="2026-03-01T10:00:00Z"><w:r><w:t>is broken</w:t></w:r></w:ins>\
						<w:del w:id="2" w:author="Bo Ek" w:date="2026-03-02T11:30:00Z"><w:r><w:delText>was fixed</w:delText></w:r></w:del>\
						<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="Anna Berg" w:date="2026-03-01T10:05:00Z"><w:rPr/>\
						</w:rPrChange></w:rPr><w:t>.</w:t></w:r><w:commentRangeEnd w:id="0"/>\
						<w:r><w:commentReference w:id="0"/></w:r></w:p></w:body></w:document>""");
		docx.put("word/comments.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
				<w:comment w:id="0" w:author="Anna Berg" w:date="2026-03-01T10:10:00Z" w:initials="AB">\
				<w:p><w:r><w:t>Ask the manager.</w:t></w:r></w:p></w:comment></w:comments>""");
		docx.put("word/commentsExtensible.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<w16cex:commentsExtensible xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex">\
				<w16cex:commentExtensible w16cex:durableId="1A2B3C4D" w16cex:dateUtc="2026-03-01T09:10:00Z"/>\
				</w16cex:commentsExtensible>""");
		docx.put("word/people.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">\
				<w15:person w15:author="Anna Berg"><w15:presenceInfo w15:providerId="AD" \
				w15:userId="S::anna.berg@ekby.se::4f1c"/></w15:person></w15:people>""");
		docx.put("word/_rels/settings.xml.rels",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" \
						Target="file:///C:\\Users\\anna.berg\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm" \
						TargetMode="External"/></Relationships>""");
		docx.put("word/styles.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
				<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>""");

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("minutes.docx", zip(docx));

		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.OFFICE_REMOVED);
		Map<String, byte[]> parts = unzip(cleaned.bytes());
		assertThat(parts.keySet()).containsExactlyElementsOf(docx.keySet());
		assertNowhere(parts, "Anna", "Berg", "Bo Ek", "anna.berg", "\"AB\"", "2026-03");
		Document document = parse(parts.get("word/document.xml"));
		assertThat(texts(document, W, "t")).containsExactly("The lock ", "is broken", ".");
		assertThat(texts(document, W, "delText")).containsExactly("was fixed");
		assertThat(attributes(document, W, "ins", W, "author")).containsExactly("Author 1");
		assertThat(attributes(document, W, "del", W, "author")).containsExactly("Author 2");
		assertThat(attributes(document, W, "rPrChange", W, "author")).containsExactly("Author 1");
		Document comments = parse(parts.get("word/comments.xml"));
		assertThat(attributes(comments, W, "comment", W, "author")).containsExactly("Author 1");
		assertThat(attributes(comments, W, "comment", W, "initials")).containsExactly("A1");
		assertThat(texts(comments, W, "t")).containsExactly("Ask the manager.");
		Document people = parse(parts.get("word/people.xml"));
		assertThat(attributes(people, W15, "person", W15, "author")).containsExactly("Author 1");
		assertThat(attributes(people, W15, "presenceInfo", W15, "userId")).containsExactly("Author 1");
		assertThat(attributes(parse(parts.get("word/_rels/settings.xml.rels")), RELATIONSHIPS, "Relationship", "",
				"Target"))
			.containsExactly("Normal.dotm");
		assertThat(attributes(parse(parts.get("word/commentsExtensible.xml")), W16CEX, "commentExtensible", W16CEX,
				"durableId"))
			.containsExactly("1A2B3C4D");
		// A part with nothing to remove is copied to the byte.
		assertThat(new String(parts.get("word/styles.xml"), StandardCharsets.UTF_8))
			.isEqualTo(docx.get("word/styles.xml"));
		parts.forEach((name, bytes) -> parse(bytes));
	}

	@Test
	void replacesTheAuthorsOfExcelAndPowerPointComments() throws Exception {
		Map<String, String> xlsx = new LinkedHashMap<>();
		xlsx.put("[Content_Types].xml", CONTENT_TYPES);
		xlsx.put("xl/workbook.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
				xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac">\
				<fileSharing userName="Anna Berg"/>\
				<mc:AlternateContent><mc:Choice Requires="x15">\
				<x15ac:absPath url="C:\\Users\\anna.berg\\Documents\\"/></mc:Choice></mc:AlternateContent>\
				<sheets><sheet name="Overtime" sheetId="1"/></sheets></workbook>""");
		xlsx.put("xl/comments1.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
				<authors><author>Anna Berg</author><author>Bo Ek</author></authors><commentList>\
				<comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>Anna Berg:</t></r>\
				<r><t xml:space="preserve">Every week.</t></r></text></comment>\
				<comment ref="B3" authorId="1"><text><r><t>Bo Ek: not true</t></r></text></comment>\
				</commentList></comments>""");
		xlsx.put("xl/persons/person.xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">\
						<person displayName="Anna Berg" id="{6A2C}" userId="anna.berg@ekby.se" providerId="AD"/></personList>""");
		xlsx.put("xl/threadedComments/threadedComment1.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">\
				<threadedComment ref="B2" dT="2026-03-01T10:00:00.00" personId="{6A2C}" id="{11}">\
				<text>Every week.</text></threadedComment></ThreadedComments>""");
		Map<String, byte[]> cleanedXlsx = unzip(MetadataCleaner.clean("overtime.xlsx", zip(xlsx)).bytes());
		assertNowhere(cleanedXlsx, "Anna", "Berg", "Bo Ek", "anna.berg", "2026-03");
		Document comments = parse(cleanedXlsx.get("xl/comments1.xml"));
		assertThat(texts(comments, SML, "author")).containsExactly("Author 1", "Author 2");
		assertThat(texts(comments, SML, "t")).containsExactly("Author 1:", "Every week.", "Author 2: not true");
		Document persons = parse(cleanedXlsx.get("xl/persons/person.xml"));
		assertThat(attributes(persons, THREADED, "person", "", "displayName")).containsExactly("Author 1");
		assertThat(attributes(persons, THREADED, "person", "", "id")).containsExactly("{6A2C}");
		Document workbook = parse(cleanedXlsx.get("xl/workbook.xml"));
		assertThat(workbook.getElementsByTagNameNS(X15AC, "absPath").getLength()).isZero();
		assertThat(attributes(workbook, SML, "sheet", "", "name")).containsExactly("Overtime");

		Map<String, String> pptx = new LinkedHashMap<>();
		pptx.put("[Content_Types].xml", CONTENT_TYPES);
		pptx.put("ppt/commentAuthors.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">\
				<p:cmAuthor id="1" name="Anna Berg" initials="AB" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>""");
		pptx.put("ppt/authors.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<p188:authorLst xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main">\
				<p188:author id="{7B}" name="Anna Berg" initials="AB" userId="anna.berg@ekby.se" providerId="AD"/>\
				</p188:authorLst>""");
		pptx.put("ppt/comments/comment1.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<p:cmLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">\
				<p:cm authorId="1" dt="2026-03-01T10:00:00.000" idx="1"><p:pos x="10" y="10"/>\
				<p:text>Ask the manager.</p:text></p:cm></p:cmLst>""");
		MetadataCleaner.Cleaned cleanedPresentation = MetadataCleaner.clean("briefing.pptx", zip(pptx));
		assertThat(cleanedPresentation.removed()).containsExactly(MetadataCleaner.Removed.AUTHOR_NAMES,
				MetadataCleaner.Removed.CHANGE_DATES);
		Map<String, byte[]> cleanedPptx = unzip(cleanedPresentation.bytes());
		assertNowhere(cleanedPptx, "Anna", "Berg", "anna.berg", "\"AB\"", "2026-03");
		assertThat(texts(parse(cleanedPptx.get("ppt/comments/comment1.xml")), PML, "text"))
			.containsExactly("Ask the manager.");
		assertThat(attributes(parse(cleanedPptx.get("ppt/commentAuthors.xml")), PML, "cmAuthor", "", "name"))
			.containsExactly("Author 1");
		assertThat(attributes(parse(cleanedPptx.get("ppt/authors.xml")), P188, "author", "", "initials"))
			.containsExactly("A1");
	}

	@Test
	void replacesTheAuthorsOfAnOdtAndKeepsItAnOpenDocument() throws Exception {
		Map<String, String> odt = new LinkedHashMap<>();
		odt.put("mimetype", "application/vnd.oasis.opendocument.text");
		odt.put("META-INF/manifest.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
				manifest:version="1.3"><manifest:file-entry manifest:full-path="/" \
				manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>""");
		odt.put("meta.xml",
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
						xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" \
						office:version="1.3"><office:meta><meta:initial-creator>Anna Berg</meta:initial-creator>\
						<dc:creator>Bo Ek</dc:creator><meta:creation-date>2026-03-01T10:00:00</meta:creation-date>\
						<dc:date>2026-03-02T11:00:00</dc:date><meta:editing-cycles>7</meta:editing-cycles>\
						<meta:editing-duration>PT2H</meta:editing-duration><meta:generator>LibreOffice/7.4</meta:generator>\
						<meta:user-defined meta:name="Owner">Anna Berg</meta:user-defined></office:meta></office:document-meta>""");
		odt.put("content.xml",
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
						xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
						xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" \
						office:version="1.3"><office:body><office:text><text:tracked-changes>\
						<text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>Anna Berg</dc:creator>\
						<dc:date>2026-03-01T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>\
						<text:changed-region text:id="ct2"><text:deletion><office:change-info><dc:creator>Bo Ek</dc:creator>\
						<dc:date>2026-03-02T11:30:00</dc:date></office:change-info><text:p>was fixed</text:p></text:deletion>\
						</text:changed-region></text:tracked-changes>\
						<text:p>The lock <text:change-start text:change-id="ct1"/>is broken<text:change-end text:change-id="ct1"/>\
						<text:change text:change-id="ct2"/>.<office:annotation><dc:creator>Anna Berg</dc:creator>\
						<dc:date>2026-03-01T10:10:00</dc:date><meta:creator-initials>AB</meta:creator-initials>\
						<text:p>Ask the manager.</text:p></office:annotation></text:p></office:text></office:body>\
						</office:document-content>""");
		odt.put("settings.xml",
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
						xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3"><office:settings>\
						<config:config-item-set config:name="ooo:configuration-settings">\
						<config:config-item config:name="PrinterName" config:type="string">Anna Berg's printer</config:config-item>\
						<config:config-item config:name="PrinterSetup" config:type="base64Binary">QW5uYSBCZXJn</config:config-item>\
						<config:config-item config:name="TabsRelativeToIndent" config:type="boolean">true</config:config-item>\
						</config:config-item-set></office:settings></office:document-settings>""");
		odt.put("META-INF/documentsignatures.xml",
				"<document-signatures><X509SubjectName>CN=Anna Berg" + "</X509SubjectName></document-signatures>");
		byte[] original = zip(odt);

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("minutes.odt", original);

		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.OFFICE_REMOVED);
		Map<String, byte[]> parts = unzip(cleaned.bytes());
		assertThat(parts.keySet()).containsExactly("mimetype", "META-INF/manifest.xml", "meta.xml", "content.xml",
				"settings.xml");
		assertNowhere(parts, "Anna", "Berg", "Bo Ek", "QW5uYSBCZXJn", ">AB<", "2026-03", "LibreOffice");
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(cleaned.bytes()))) {
			ZipEntry first = zip.getNextEntry();
			assertThat(first.getName()).isEqualTo("mimetype");
			assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
			assertThat(new String(zip.readAllBytes(), StandardCharsets.US_ASCII))
				.isEqualTo("application/vnd.oasis.opendocument.text");
		}
		// The mimetype's bytes at offset 38, after the 30-byte header and "mimetype", as
		// the OpenDocument specification requires.
		assertThat(new String(cleaned.bytes(), 38, 39, StandardCharsets.US_ASCII))
			.isEqualTo("application/vnd.oasis.opendocument.text");
		Document meta = parse(parts.get("meta.xml"));
		assertThat(meta.getDocumentElement().getAttributeNS(ODF_OFFICE, "version")).isEqualTo("1.3");
		assertThat(meta.getElementsByTagNameNS(ODF_OFFICE, "meta").item(0).getChildNodes().getLength()).isZero();
		Document content = parse(parts.get("content.xml"));
		assertThat(texts(content, DC, "creator")).containsExactly("Author 1", "Author 2", "Author 1");
		assertThat(texts(content, DC, "date")).containsOnly("1970-01-01T00:00:00").hasSize(3);
		assertThat(texts(content, ODF_META, "creator-initials")).containsExactly("A1");
		// The paragraph's text content includes its annotation's author, date and
		// initials.
		assertThat(texts(content, ODF_TEXT, "p")).containsExactly("was fixed",
				"The lock is broken.Author 11970-01-01T00:00:00A1Ask the manager.", "Ask the manager.");
		Document settings = parse(parts.get("settings.xml"));
		assertThat(attributes(settings, ODF_CONFIG, "config-item", ODF_CONFIG, "name"))
			.containsExactly("TabsRelativeToIndent");
	}

	@Test
	void tellsWhatItCouldNotClean() throws Exception {
		byte[] compoundFile = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1, 0, 0 };
		assertThat(MetadataCleaner.clean("minutes.doc", compoundFile).result())
			.isEqualTo(MetadataCleaner.Result.BINARY_OFFICE_NOT_CLEANED);
		assertThat(MetadataCleaner.clean("protected.xlsx", compoundFile).result())
			.isEqualTo(MetadataCleaner.Result.BINARY_OFFICE_NOT_CLEANED);
		assertThat(MetadataCleaner.clean("broken.docx", new byte[] { 'P', 'K', 3, 4, 0 }).result())
			.isEqualTo(MetadataCleaner.Result.COULD_NOT_CLEAN);
		assertThat(MetadataCleaner.clean("minutes.odt", "not a zip".getBytes(StandardCharsets.US_ASCII)).result())
			.isEqualTo(MetadataCleaner.Result.COULD_NOT_CLEAN);
		assertThat(MetadataCleaner.clean("notes.txt", "hello".getBytes()).result())
			.isEqualTo(MetadataCleaner.Result.NOT_CLEANED);
	}

	@Test
	void aPartThatDeclaresADocumentTypeIsNotCleaned() throws Exception {
		Map<String, String> docx = new LinkedHashMap<>();
		docx.put("[Content_Types].xml", CONTENT_TYPES);
		docx.put("word/comments.xml", """
				<?xml version="1.0"?><!DOCTYPE w:comments [<!ENTITY name SYSTEM "file:///etc/hostname">]>
				<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
				<w:comment w:id="0" w:author="&name;"/></w:comments>""");
		assertThat(MetadataCleaner.clean("minutes.docx", zip(docx)).result())
			.isEqualTo(MetadataCleaner.Result.COULD_NOT_CLEAN);
	}

	private static final String CONTENT_TYPES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
			<Default Extension="xml" ContentType="application/xml"/></Types>""";

	private static final String W = OfficeDocuments.W;

	private static final String W15 = OfficeDocuments.W15;

	private static final String W16CEX = OfficeDocuments.W16CEX;

	private static final String SML = OfficeDocuments.SML;

	private static final String X15AC = OfficeDocuments.X15AC;

	private static final String THREADED = OfficeDocuments.THREADED;

	private static final String PML = OfficeDocuments.PML;

	private static final String P188 = OfficeDocuments.P188;

	private static final String RELATIONSHIPS = OfficeDocuments.RELATIONSHIPS;

	private static final String DC = OfficeDocuments.DC;

	private static final String ODF_META = OfficeDocuments.ODF_META;

	private static final String ODF_OFFICE = OfficeDocuments.ODF_OFFICE;

	private static final String ODF_CONFIG = OfficeDocuments.ODF_CONFIG;

	private static final String ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

	/** A zip as office programs write it: {@code mimetype} first and stored. */
	private static byte[] zip(Map<String, String> parts) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> part : parts.entrySet()) {
				byte[] content = part.getValue().getBytes(StandardCharsets.UTF_8);
				ZipEntry entry = new ZipEntry(part.getKey());
				if (part.getKey().equals("mimetype")) {
					entry.setMethod(ZipEntry.STORED);
					entry.setSize(content.length);
					CRC32 crc = new CRC32();
					crc.update(content);
					entry.setCrc(crc.getValue());
				}
				zip.putNextEntry(entry);
				zip.write(content);
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				parts.put(entry.getName(), zip.readAllBytes());
			}
		}
		return parts;
	}

	private static void assertNowhere(Map<String, byte[]> parts, String... texts) {
		parts.forEach(
				(name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name).doesNotContain(texts));
	}

	private static Document parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			if (xml.length > 0 && xml[0] != '<') {
				return null;
			}
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		}
		catch (Exception ex) {
			throw new AssertionError("Not well-formed XML: " + new String(xml, StandardCharsets.UTF_8), ex);
		}
	}

	private static List<String> texts(Document document, String namespace, String name) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, name);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

	private static List<String> attributes(Document document, String namespace, String name, String attributeNamespace,
			String attribute) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, name);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Element element = (Element) nodes.item(i);
			values.add(attributeNamespace.isEmpty() ? element.getAttribute(attribute)
					: element.getAttributeNS(attributeNamespace, attribute));
		}
		return values;
	}

}
