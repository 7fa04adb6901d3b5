export { extractTextPage } from './extract.js';
export { FURNITURE_FAMILIES, furnitureScore, lineFeatures } from './furniture.js';
