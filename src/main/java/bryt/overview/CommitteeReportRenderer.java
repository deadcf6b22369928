package bryt.overview;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import bryt.overview.CommitteeReport.Section;
import bryt.shared.tables.TableExports;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link CommitteeReport} in each format from the one model: HTML (the page's
 * own template, as a document of its own), PDF (that HTML laid out by openhtmltopdf,
 * tagged for PDF/UA-1 and archivable as PDF/A-2u, with its font embedded and the sRGB
 * colour profile), CSV and Excel (the table of all figures through {@link TableExports}).
 */
@Component
class CommitteeReportRenderer {

	/**
	 * The formats of the report, by the {@code format} parameter and the command line.
	 */
	enum Format {

		HTML("html", "text/html;charset=UTF-8"), PDF("pdf", "application/pdf"),
		CSV("csv", TableExports.Format.CSV.mediaType()), XLSX("xlsx", TableExports.Format.XLSX.mediaType());

		final String extension;

		final String mediaType;

		Format(String extension, String mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		static java.util.Optional<Format> of(String name) {
			for (Format format : values()) {
				if (format.extension.equalsIgnoreCase(name)) {
					return java.util.Optional.of(format);
				}
			}
			return java.util.Optional.empty();
		}

	}

	/**
	 * The report's font: Liberation Sans, which PDFBox carries (SIL Open Font Licence).
	 */
	static final String FONT = "Liberation Sans";

	private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private final ITemplateEngine templates;

	private final String css;

	private final byte[] fontBytes;

	private volatile File fontFile;

	/** The sRGB profile of the PDF/A output intent, read once. */
	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	CommitteeReportRenderer(ITemplateEngine templates) {
		this.templates = templates;
		try (InputStream in = new ClassPathResource("templates/overview/report-document.css").getInputStream()) {
			this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (InputStream in = CommitteeReportRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
			this.fontBytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	byte[] render(CommitteeReport report, Format format) {
		return switch (format) {
			case HTML -> html(report).getBytes(StandardCharsets.UTF_8);
			case PDF -> pdf(report);
			case CSV -> TableExports.csv(report.figures(), report.locale());
			case XLSX -> TableExports.xlsx(report.figures());
		};
	}

	/**
	 * The report as a document of its own: the page's body with its stylesheet inside,
	 * for saving, printing and the PDF.
	 */
	String html(CommitteeReport report) {
		return document(report, false);
	}

	private String document(CommitteeReport report, boolean pdf) {
		Context context = new Context(report.locale());
		context.setVariable("report", pdf ? forPdf(report) : report);
		context.setVariable("css", this.css);
		context.setVariable("pdf", pdf);
		return this.templates.process("overview/report-document", context);
	}

	/**
	 * The PDF: PDF/UA-1 (tagged, with the document's title and language) and PDF/A-2u
	 * (the font embedded, every character mapped to Unicode, the sRGB output intent and
	 * XMP metadata, which openhtmltopdf writes).
	 *
	 * <p>
	 * The text's font is loaded here, from bytes read once, with its glyph substitutions
	 * (GSUB) switched off: PDFBox otherwise applies Liberation Sans's Latin ligature
	 * rules to every string it writes, compiling regular expressions for each one, which
	 * took over a quarter of the PDF's samples (a flight recording of org-001's report,
	 * docs/overview/report.md). The report's text needs no ligatures, and without them
	 * every glyph still maps to its one character, as PDF/A-2u asks.
	 */
	byte[] pdf(CommitteeReport report) {
		org.w3c.dom.Document document = W3CDom.convert(Jsoup.parse(document(report, true)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument pdf = new PDDocument();
				TrueTypeFont face = new TTFParser().parse(new RandomAccessReadBuffer(this.fontBytes))) {
			face.setEnableGsub(false);
			// Embedded as a subset of the glyphs used, when the document is saved.
			PDFontSupplier text = new PDFontSupplier(PDType0Font.load(pdf, face, true));
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(pdf);
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
			builder.useColorProfile(SRGB);
			// One face for every weight: a bold the PDF does not carry would fall back to
			// a standard font that is not embedded, which PDF/A forbids.
			builder.useFont(text, FONT, 400, FontStyle.NORMAL, true);
			builder.useFont(text, FONT, 700, FontStyle.NORMAL, true);
			// The charts' drawer takes fonts as files; the fallback too, should a
			// character be missing from the face above.
			File font = font();
			EnumSet<FSFontUseCase> uses = EnumSet.of(FSFontUseCase.SVG, FSFontUseCase.FALLBACK_PRE);
			builder.useFont(font, FONT, 400, FontStyle.NORMAL, true, uses);
			builder.useFont(font, FONT, 700, FontStyle.NORMAL, true, uses);
			builder.useSVGDrawer(new BatikSVGDrawer());
			builder.withProducer("Bryt");
			builder.withW3cDocument(document, "classpath:/templates/overview/");
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The charts with the report's font, the one the PDF embeds. */
	private static CommitteeReport forPdf(CommitteeReport report) {
		List<Section> sections = report.sections()
			.stream()
			.map((section) -> new Section(section.source(), section.heading(), section.tables(),
					(section.chart() != null) ? pdfChart(section.chart(), section.chartCaption()) : null,
					section.chartCaption()))
			.toList();
		return new CommitteeReport(report.locale(), report.snapshotId(), report.quarter(), report.version(),
				report.title(), report.organisation(), report.period(), report.cover(), report.employerComment(),
				report.unionComment(), sections, report.figures(), report.benchmarks(), report.definitions(),
				report.rules());
	}

	/**
	 * A chart as the PDF draws it: in the font the PDF embeds, and with its caption as
	 * the figure's alternative text (PDF/UA asks it of every Figure; openhtmltopdf takes
	 * it from {@code alt}).
	 */
	private static String pdfChart(String svg, String caption) {
		String alt = caption.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
		return svg.replaceAll("font-family=\"[^\"]*\"", "font-family=\"" + FONT + "\"")
			.replaceFirst("<svg ", "<svg alt=\"" + java.util.regex.Matcher.quoteReplacement(alt) + "\" ");
	}

	/** openhtmltopdf's SVG drawer takes fonts as files: PDFBox's copy, once. */
	private File font() throws IOException {
		File file = this.fontFile;
		if (file == null) {
			synchronized (this) {
				file = this.fontFile;
				if (file == null) {
					file = File.createTempFile("bryt-report-font", ".ttf");
					file.deleteOnExit();
					Files.write(file.toPath(), this.fontBytes);
					this.fontFile = file;
				}
			}
		}
		return file;
	}

	static String extension(Format format) {
		return format.extension.toLowerCase(Locale.ROOT);
	}

}
