// The app icons the manifest names (drawn by icons.ts, committed under scripts/pwa/icons/).
// Apart from the drawing so the Vite config loads no application code.

export interface IconSpec {
  file: string;
  size: number;
  /** A maskable icon fills the whole square and keeps the drawing inside the central 80 % safe zone (W3C Web App Manifest, "purpose"). */
  maskable: boolean;
}

export const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];
