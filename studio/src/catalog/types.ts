import type { NodeCategory, NodeUiHints } from "@omnijourney/shared";
import type { JsonSchema } from "../panels/form/jsonSchema.js";

/** UI hints of a node type (shared's `NodeUiHints`), under the name the forms use. */
export type UiHints = NodeUiHints;

/** A node type as the studio uses it: palette entry, form and handles. */
export type NodeTypeInfo = {
  type: string;
  title: string;
  description: string;
  category: NodeCategory | string;
  icon: string;
  version: number;
  schema: JsonSchema;
  /** Fixed ports, or null when they depend on the config. */
  staticOutputs: string[] | null;
  ui: NodeUiHints;
  /** Ports for a config; available for types the shared registry knows (built-ins). */
  outputsFor?: (config: unknown) => string[] | null;
  /** A one-line description of a configured node ("Wait for email_opened"). */
  summarize?: (config: unknown) => string | null;
  /** Whether the node type came from the API only (a custom type). */
  custom: boolean;
};

export type Catalog = {
  types: NodeTypeInfo[];
  get(type: string): NodeTypeInfo | undefined;
};
