// Shows the OpenAPI text on /api/docs without any third-party viewer.
const res = await fetch('/api/openapi.yaml');
document.getElementById('spec').textContent = await res.text();
