// Leaflet puts a string tooltip or popup in with innerHTML: guard, device and
// fence names and alert messages go in as an element holding plain text.
export function plainText(text: string): HTMLElement {
  const span = document.createElement("span");
  span.textContent = text;
  return span;
}
