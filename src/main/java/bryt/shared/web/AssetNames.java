package bryt.shared.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

/**
 * Which asset names are served, and how long a browser may keep each (issue 11, the
 * review of the pages). A resolver before the {@code VersionResourceResolver} of the
 * asset handlers, and a transformer before their {@link CssLinkResourceTransformer}:
 * <ul>
 * <li>only style sheets and scripts: the webjar also holds source maps (the design
 * system's sources, 1 MB of them), Sass and Nunjucks files that no page needs;</li>
 * <li>a name with its content's hash ({@code bryt-<md5>.css}, the only one pages link to)
 * keeps the handler's year-long, immutable cache: a changed file gets a new name;</li>
 * <li>the plain name ({@code bryt.css}) still answers, for a page cached before a release
 * and for tools, but its content changes with a release under the same address, so it
 * must never be {@code immutable}: {@code no-cache} makes the browser ask again each time
 * (a 304 while it is unchanged).</li>
 * </ul>
 */
class AssetNames implements ResourceResolver, ResourceTransformer {

	private static final Set<String> SERVED = Set.of("css", "js");

	private static final String REVALIDATE = CacheControl.noCache().getHeaderValue();

	@Override
	public Resource resolveResource(HttpServletRequest request, String requestPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		if (!served(requestPath)) {
			return null;
		}
		return chain.resolveResource(request, requestPath, locations);
	}

	@Override
	public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
		return served(resourcePath) ? chain.resolveUrlPath(resourcePath, locations) : null;
	}

	/**
	 * The cache rule goes on the resource as the handler writes it: after the resolvers,
	 * the style sheets pass the {@link CssLinkResourceTransformer}, whose result would
	 * lose headers a resolver set. So this transformer has to come before it.
	 */
	@Override
	public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
			throws IOException {
		Resource transformed = chain.transform(request, resource);
		String asked = StringUtils.getFilename(request.getRequestURI());
		boolean hashed = asked != null && !asked.equals(transformed.getFilename());
		return hashed ? transformed : new Revalidated(transformed);
	}

	private static boolean served(String path) {
		String extension = StringUtils.getFilenameExtension(path);
		return extension != null && SERVED.contains(extension);
	}

	/** An asset asked for by its plain name: the browser must ask again before reuse. */
	private static final class Revalidated extends AbstractResource implements HttpResource {

		private final Resource resource;

		Revalidated(Resource resource) {
			this.resource = resource;
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.setCacheControl(REVALIDATE);
			return headers;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.resource.getInputStream();
		}

		@Override
		public boolean exists() {
			return this.resource.exists();
		}

		@Override
		public boolean isReadable() {
			return this.resource.isReadable();
		}

		@Override
		public URL getURL() throws IOException {
			return this.resource.getURL();
		}

		@Override
		public URI getURI() throws IOException {
			return this.resource.getURI();
		}

		@Override
		public boolean isFile() {
			return this.resource.isFile();
		}

		@Override
		public File getFile() throws IOException {
			return this.resource.getFile();
		}

		@Override
		public long contentLength() throws IOException {
			return this.resource.contentLength();
		}

		@Override
		public long lastModified() throws IOException {
			return this.resource.lastModified();
		}

		@Override
		public Resource createRelative(String relativePath) throws IOException {
			return this.resource.createRelative(relativePath);
		}

		@Override
		public String getFilename() {
			return this.resource.getFilename();
		}

		@Override
		public String getDescription() {
			return this.resource.getDescription();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Revalidated revalidated && this.resource.equals(revalidated.resource);
		}

		@Override
		public int hashCode() {
			return this.resource.hashCode();
		}

	}

}
