// Only a repository (a file named `*.repository.ts`) may hold the whole database: the rest of a
// lib reaches its tables through its own repository, and other libs through the owning lib's
// public API. The config decides where the rule does not apply (database infrastructure,
// migrations, scripts, benchmarks, the test helpers and test files).
// CommonJS so that the unit spec (Jest without ESM) can require it, as eslint.config.mjs does.
'use strict';

const REPOSITORY_FILE = /\.repository\.ts$/;

function isDataSourceType(typeAnnotation) {
  const type = typeAnnotation && typeAnnotation.typeAnnotation;
  if (!type || type.type !== 'TSTypeReference') return false;
  const name = type.typeName;
  if (name.type === 'Identifier') return name.name === 'DataSource';
  // typeorm.DataSource
  return name.type === 'TSQualifiedName' && name.right.name === 'DataSource';
}

function decoratorName(decorator) {
  const expression = decorator.expression.type === 'CallExpression' ? decorator.expression.callee : decorator.expression;
  return expression.type === 'Identifier' ? expression.name : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Only repositories (*.repository.ts) inject or hold the TypeORM DataSource' },
    schema: [],
    messages: {
      inject: "@InjectDataSource belongs in a repository (*.repository.ts); use the owning lib's repository or public API.",
      parameter: "A DataSource belongs in a repository (*.repository.ts); take the owning lib's repository instead.",
      property: "A DataSource belongs in a repository (*.repository.ts); take the owning lib's repository instead.",
      import: 'DataSource is imported only by repositories (*.repository.ts).',
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    if (REPOSITORY_FILE.test(filename)) return {};
    const checkParameter = (param) => {
      const target = param.type === 'TSParameterProperty' ? param.parameter : param;
      if (target.type === 'Identifier' && isDataSourceType(target.typeAnnotation)) context.report({ node: param, messageId: 'parameter' });
    };
    return {
      ImportDeclaration(node) {
        if (node.source.value !== 'typeorm') return;
        for (const specifier of node.specifiers) {
          if (specifier.type === 'ImportSpecifier' && specifier.imported.name === 'DataSource') {
            context.report({ node: specifier, messageId: 'import' });
          }
        }
      },
      Decorator(node) {
        if (decoratorName(node) === 'InjectDataSource') context.report({ node, messageId: 'inject' });
      },
      'MethodDefinition[kind="constructor"]'(node) {
        for (const param of node.value.params) checkParameter(param);
      },
      PropertyDefinition(node) {
        if (isDataSourceType(node.typeAnnotation)) context.report({ node, messageId: 'property' });
      },
    };
  },
};
