package bryt.surveys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import bryt.shared.tables.Cell;
import bryt.shared.tables.FigureTable;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Survey results as a PDF: a title, some lines of text and the same {@link FigureTable}s
 * the page and the CSV/XLSX downloads write, cell for cell, so a hidden figure is the
 * engine's words here too and never the number. Written with pdfbox (already Bryt's, for
 * voice's attachments) rather than an HTML-to-PDF library: the output is a few tables,
 * and drawing them costs less than a second rendering engine and its fonts.
 *
 * <p>
 * The standard Helvetica covers Swedish and Danish letters (WinAnsi); a character it has
 * no glyph for (the minus sign of a negative score, U+2212) is written as its nearest
 * ASCII sign.
 */
final class SurveysPdf {

	private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

	private static final float MARGIN = 40;

	private static final float LINE = 12;

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDDocument document = new PDDocument();

	private PDPageContentStream content;

	/** What an empty hidden cell says (its row or table says why). */
	private String hiddenWord = "";

	private float y;

	private SurveysPdf() {
	}

	/** A PDF of a title, lines of text and tables, in that order. */
	static byte[] of(String title, List<String> lines, List<FigureTable> tables) {
		return of(title, lines, tables, "");
	}

	/**
	 * A PDF of a title, lines of text and tables; an empty cell the engine hid (class
	 * {@link ResultsTables#HIDDEN}) says {@code hiddenWord}.
	 */
	static byte[] of(String title, List<String> lines, List<FigureTable> tables, String hiddenWord) {
		SurveysPdf pdf = new SurveysPdf();
		pdf.hiddenWord = hiddenWord;
		try {
			pdf.document.getDocumentInformation().setTitle(title);
			pdf.newPage();
			pdf.write(title, pdf.bold, 14);
			pdf.y -= 4;
			for (String line : lines) {
				pdf.write(line, pdf.regular, 10);
			}
			for (FigureTable table : tables) {
				pdf.table(table);
			}
			pdf.content.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			pdf.document.save(out);
			pdf.document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The PDF as a file to download, e.g. {@code exit-results-2026-11.pdf}. */
	static ResponseEntity<byte[]> download(byte[] pdf, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".pdf").build().toString())
			.body(pdf);
	}

	private void table(FigureTable table) throws IOException {
		this.y -= LINE / 2;
		write(table.caption(), this.bold, 11);
		float width = PAGE.getWidth() - 2 * MARGIN;
		int columns = table.columns().size();
		// The first column names the row (a unit, a reason) and gets a third of the
		// width.
		float first = (columns > 1) ? width / 3 : width;
		float other = (columns > 1) ? (width - first) / (columns - 1) : 0;
		List<String> headers = table.columns().stream().map((column) -> column.header()).toList();
		row(headers, first, other, this.bold);
		for (List<Cell> cells : table.rows()) {
			row(cells.stream()
				.map((cell) -> (ResultsTables.HIDDEN.equals(cell.css()) && cell.text().isEmpty()) ? this.hiddenWord
						: cell.text())
				.toList(), first, other, this.regular);
		}
	}

	private void row(List<String> texts, float first, float other, PDType1Font font) throws IOException {
		float size = 8;
		// A long text (the engine's words) wraps within its column.
		List<List<String>> wrapped = new java.util.ArrayList<>();
		int lines = 1;
		for (int i = 0; i < texts.size(); i++) {
			List<String> cell = wrap(clean(texts.get(i), font), font, size, ((i == 0) ? first : other) - 4);
			wrapped.add(cell);
			lines = Math.max(lines, cell.size());
		}
		if (this.y - lines * LINE < MARGIN) {
			this.content.close();
			newPage();
		}
		for (int line = 0; line < lines; line++) {
			float x = MARGIN;
			for (int i = 0; i < wrapped.size(); i++) {
				if (line < wrapped.get(i).size()) {
					text(wrapped.get(i).get(line), font, size, x, this.y);
				}
				x += (i == 0) ? first : other;
			}
			this.y -= LINE;
		}
	}

	private List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
		List<String> lines = new java.util.ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		lines.add(line.toString());
		return lines;
	}

	private void write(String text, PDType1Font font, float size) throws IOException {
		float width = PAGE.getWidth() - 2 * MARGIN;
		for (String line : wrap(clean(text, font), font, size, width)) {
			if (this.y - LINE < MARGIN) {
				this.content.close();
				newPage();
			}
			text(line, font, size, MARGIN, this.y);
			this.y -= size + 4;
		}
	}

	private void text(String text, PDType1Font font, float size, float x, float y) throws IOException {
		this.content.beginText();
		this.content.setFont(font, size);
		this.content.newLineAtOffset(x, y);
		this.content.showText(text);
		this.content.endText();
	}

	private void newPage() throws IOException {
		PDPage page = new PDPage(PAGE);
		this.document.addPage(page);
		this.content = new PDPageContentStream(this.document, page);
		this.y = PAGE.getHeight() - MARGIN;
	}

	/** The text with every character the font cannot write replaced. */
	static String clean(String text, PDType1Font font) {
		StringBuilder clean = new StringBuilder();
		text.codePoints().forEach((c) -> {
			String character = switch (c) {
				case 0x2212 -> "-";
				case 0x00A0, 0x202F, 0x2009 -> " ";
				default -> Character.toString(c);
			};
			try {
				font.encode(character);
				clean.append(character);
			}
			catch (IOException | IllegalArgumentException ex) {
				clean.append('?');
			}
		});
		return clean.toString();
	}

}
