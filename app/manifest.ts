import type { MetadataRoute } from "next";

// Lets a phone add DinnerParty to its home screen.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "DinnerParty",
    short_name: "DinnerParty",
    description: "Host dinner parties and RSVP to your friends' tables.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fbf7f2",
    theme_color: "#a8321f",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
