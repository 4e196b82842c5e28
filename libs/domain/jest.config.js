const { serverProject } = require('../../jest.shared');

module.exports = serverProject('domain', __dirname);
