/**
 * Pictures and tables of results: JFreeChart charts (PNG, SVG), raster and chart images, ImageJ results tables.
 */
package org.rate2spike.render;
