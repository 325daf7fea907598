import "react";

declare module "react" {
  /** Custom properties the studio sets inline (a node type's accent colour). */
  interface CSSProperties {
    "--node-accent"?: string;
  }
}
