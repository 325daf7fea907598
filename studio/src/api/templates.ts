import {
  MessageTemplate,
  MessageTemplateList,
  Snippet,
  SnippetList,
  type Channel,
  type MessageTemplateInput,
  type SnippetInput,
} from "@omnijourney/shared";
import { api, query, requestAs } from "./client.js";

const templatePath = (id: string) => `/api/templates/${encodeURIComponent(id)}`;
const snippetPath = (id: string) => `/api/snippets/${encodeURIComponent(id)}`;

/** The workspace's reusable messages. */
export const templatesApi = {
  async list(channel?: Channel): Promise<MessageTemplate[]> {
    return (await requestAs(MessageTemplateList, "GET", `/api/templates${query({ channel })}`))
      .items;
  },
  create(input: MessageTemplateInput): Promise<MessageTemplate> {
    return requestAs(MessageTemplate, "POST", "/api/templates", input);
  },
  update(id: string, input: MessageTemplateInput): Promise<MessageTemplate> {
    return requestAs(MessageTemplate, "PUT", templatePath(id), input);
  },
  async remove(id: string): Promise<void> {
    await api.del(templatePath(id));
  },
};

/** The workspace's snippets, read by templates as `{{ snippets.<name> }}`. */
export const snippetsApi = {
  async list(): Promise<Snippet[]> {
    return (await requestAs(SnippetList, "GET", "/api/snippets")).items;
  },
  create(input: SnippetInput): Promise<Snippet> {
    return requestAs(Snippet, "POST", "/api/snippets", input);
  },
  update(id: string, input: SnippetInput): Promise<Snippet> {
    return requestAs(Snippet, "PUT", snippetPath(id), input);
  },
  async remove(id: string): Promise<void> {
    await api.del(snippetPath(id));
  },
};

/** How a template reads a snippet. */
export const snippetTag = (name: string): string => `{{ snippets.${name} }}`;
